#pragma once
// The command line's grammar: its subcommands and their options.  Only command_line.cpp
// reads CLI11, whose header alone takes 11 s to compile per file (gcc -O3).

#include <cstddef>
#include <string>

#include "check_cmd.hpp"
#include "output.hpp"
#include "replay_cmd.hpp"

namespace pasid::cli {

/// `graph` refuses state spaces larger than this by default: beyond a few hundred states a
/// picture is no longer readable.
inline constexpr std::size_t kGraphMaxStates = 300;

struct GraphOptions {
  std::string spec;
  std::size_t max_states = kGraphMaxStates;
  bool no_symmetry = false;
  PictureOptions pictures;
};

struct ShowOptions {
  std::string result;
  PictureOptions pictures;
};

/// A subcommand and its options: those of `kind` are filled.
struct Command {
  enum class Kind { check, show, graph, replay, list };
  Kind kind = Kind::check;
  CheckOptions check;
  ShowOptions show;
  GraphOptions graph;
  ReplayCliOptions replay;
};

/// Parses argv into `out`.  -1 to go on; else the exit status to stop with: 0 after
/// printing the help asked for, kBadInput after printing what is wrong with the line.
int parse_command_line(int argc, char** argv, Command& out);

}  // namespace pasid::cli
