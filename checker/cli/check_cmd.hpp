#pragma once
// `pasidcheck check`: a spec through one engine, or through all of them cross-checked.

#include <cstdint>
#include <string>
#include <vector>

#include "output.hpp"

namespace pasid::cli {

struct CheckOptions {
  std::string spec;
  std::string json;
  bool expect = false;
  bool quiet = false;
  bool no_symmetry = false;
  std::uint64_t max_memory = 0;  // bytes; 0: no limit
  int threads = 0;               // 0: default_threads()
  bool bitstate = false;
  int bitstate_bits = 0;  // log2 of the table's bits; 0: from --max-memory, or kBitstateBits
  std::string engine = "explicit";
  int depth = 30;
  double timeout = 0;  // seconds; 0: none
  PictureOptions pictures;
  std::string ftrace;         // write the counterexample as a kernel trace
  std::string ftrace_layout;  // its mapping's layout; empty: the variant's kernels'
};

/// The engines --engine names, in the order --engine all runs them.
inline const std::vector<std::string> kEngines = {"explicit", "bmc", "kind", "pdr"};

/// Runs it; returns the exit status.
int run_check(const CheckOptions& o);

}  // namespace pasid::cli
