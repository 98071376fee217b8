// pasidcheck: the command line.  Exit status: 0 every invariant holds (or, with --expect,
// the spec's expectation is met), 1 an invariant is violated (or the expectation is not
// met), 2 bad input, 3 unknown, 4 internal error, 5 a replayed trace diverges from the
// model.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "checker/error.hpp"
#include "checker/explicit/explorer.hpp"
#include "checker/report/graph_dot.hpp"
#include "checker/report/json_read.hpp"
#include "checker/report/text.hpp"
#include "checker/spec/spec.hpp"
#include "command_line.hpp"

namespace {

using namespace pasid;
using namespace pasid::cli;

int run_show(const ShowOptions& o) {
  SavedCounterexample saved = read_counterexample(o.result);
  require_writable(o.pictures);
  std::cout << format_counterexample(saved.problem, saved.counterexample);
  write_pictures(o.pictures, saved.problem, saved.counterexample);
  return kHolds;
}

int run_graph(const GraphOptions& o) {
  Spec spec = read_spec(o.spec);
  spec.problem.symmetry = !o.no_symmetry;
  require_writable(o.pictures);
  StateGraph g;
  try {
    g = explore_graph(spec.problem, o.max_states);
  } catch (const std::length_error&) {
    throw InputError(
        o.spec, 0, 0,
        "more than " + std::to_string(o.max_states) +
            " reachable states: too many to draw (lower the bounds or raise --max-states)");
  }
  std::ostringstream dot;
  write_graph_dot(dot, spec.problem, g);
  write_pictures(o.pictures, dot.str());
  std::cout << o.spec << ": " << g.states.size() << " states, " << g.edges.size() << " transitions"
            << (g.path.empty() && !g.bad_step ? "" : "; the counterexample's path is highlighted")
            << "\n";
  return kHolds;
}

/// The line of the error's file it points at, with a caret under its column (clang's
/// layout), or "" when there is no such line or it is not printable text.  Not for a pipe:
/// it was read already, and opening a FIFO again would wait for a writer.
std::string caret(const InputError& e) {
  std::error_code ec;
  if (e.line() <= 0 || e.col() <= 0 || !std::filesystem::is_regular_file(e.file(), ec)) return "";
  std::ifstream in(e.file(), std::ios::binary);
  std::string line;
  for (int i = 0; i < e.line() && std::getline(in, line);) ++i;
  if (!in || line.size() > 300 || static_cast<std::size_t>(e.col()) > line.size() + 1) return "";
  for (char c : line)
    if (c != '\t' && (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)) return "";
  std::string under = line.substr(0, static_cast<std::size_t>(e.col() - 1));
  for (char& c : under) c = c == '\t' ? '\t' : ' ';
  return line + "\n" + under + "^\n";
}

void run_list() {
  std::cout << "variants:\n";
  for (const auto& v : variants()) std::cout << "  " << v.name << "  " << v.summary << "\n";
  std::cout << "mutants:\n";
  for (const auto& m : mutants()) std::cout << "  " << m.name << "  " << m.summary << "\n";
  std::cout << "invariants:\n";
  for (int i = 0; i < kInvariantCount; ++i)
    std::cout << "  " << invariant_info(i).name << "  " << invariant_info(i).statement << "\n";
  std::cout << "rules:\n";
  for (int r = 0; r < kRuleCount; ++r)
    std::cout << "  " << rule_info(r).name << "  " << rule_info(r).summary << " ("
              << rule_info(r).kernel << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
  Command c;
  if (int status = parse_command_line(argc, argv, c); status >= 0) return status;
  try {
    switch (c.kind) {
      case Command::Kind::list:
        run_list();
        return kHolds;
      case Command::Kind::show:
        return run_show(c.show);
      case Command::Kind::graph:
        return run_graph(c.graph);
      case Command::Kind::replay:
        return run_replay(c.replay);
      case Command::Kind::check:
        return run_check(c.check);
    }
    return kInternal;
  } catch (const InputError& e) {
    std::cerr << e.formatted() << "\n" << caret(e);
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "pasidcheck: internal error: " << e.what() << "\n";
    return kInternal;
  }
}
