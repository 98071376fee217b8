// pasidcheck: the command line.  Exit status: 0 every invariant holds (or, with --expect,
// the spec's expectation is met), 1 an invariant is violated (or the expectation is not
// met), 2 bad input, 3 unknown, 4 internal error, 5 a replayed trace diverges from the
// model.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "checker/agreement.hpp"
#include "checker/error.hpp"
#include "checker/explicit/explorer.hpp"
#include "checker/graphviz/render.hpp"
#include "checker/replay/run.hpp"
#include "checker/report/dot.hpp"
#include "checker/report/graph_dot.hpp"
#include "checker/report/json.hpp"
#include "checker/report/json_read.hpp"
#include "checker/report/text.hpp"
#include "checker/smt/smt_engine.hpp"
#include "checker/spec/spec.hpp"
#include "output.hpp"
#include "replay_cmd.hpp"

namespace {

using namespace pasid;
using namespace pasid::cli;

struct CheckOptions {
  std::string spec;
  std::string json;
  bool expect = false;
  bool quiet = false;
  bool no_symmetry = false;
  std::uint64_t max_memory = 0;  // bytes; 0: no limit
  int threads = 1;
  bool bitstate = false;
  int bitstate_bits = 0;  // log2 of the table's bits; 0: from --max-memory, or kBitstateBits
  std::string engine = "explicit";
  int depth = 30;
  double timeout = 0;  // seconds; 0: none
  PictureOptions pictures;
  std::string ftrace;  // write the counterexample as a kernel trace
};

/// --bitstate without a size or a memory limit: 2^30 bits, 128 MiB.
constexpr int kBitstateBits = 30;

/// The bitstate table's size: as asked, else the largest that takes at most half of
/// --max-memory (the other half for the states kept for expansion), else kBitstateBits.
int bitstate_bits(const CheckOptions& o) {
  if (o.bitstate_bits) return o.bitstate_bits;
  if (!o.max_memory) return kBitstateBits;
  int n = 10;
  while (n < 36 && (std::uint64_t{1} << (n + 1)) / 8 <= o.max_memory / 2) ++n;
  return n;
}

const std::vector<std::string> kEngines = {"explicit", "bmc", "kind", "pdr"};

/// `graph` refuses state spaces larger than this by default: beyond a few hundred states a
/// picture is no longer readable.
constexpr std::size_t kGraphMaxStates = 300;

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

/// The progress line, on a terminal: rewritten in place about once a second.
void show_progress(const Progress& p) {
  char line[160];
  std::snprintf(line, sizeof line, "\r%llu states  %.0f states/s  queue %llu  depth %d  %.0f MiB",
                static_cast<unsigned long long>(p.states),
                p.seconds > 0 ? p.states / p.seconds : 0.0,
                static_cast<unsigned long long>(p.queue), p.depth,
                static_cast<double>(p.memory_bytes) / (1 << 20));
  std::cerr << line << "\033[K" << std::flush;
}

int exit_for(Verdict v) {
  switch (v) {
    case Verdict::holds:
      return kHolds;
    case Verdict::violated:
      return kViolated;
    case Verdict::unknown:
      return kUnknown;
  }
  return kInternal;
}

/// The engine called `name`, set up from the options.
std::unique_ptr<Engine> make_engine(const std::string& name, const CheckOptions& o) {
  if (name == "explicit") {
    SearchOptions search;
    search.max_memory_bytes = o.max_memory;
    search.threads = o.threads;
    if (o.bitstate) search.bitstate_bits = bitstate_bits(o);
    if (!o.quiet && isatty(STDERR_FILENO)) search.on_progress = show_progress;
    return std::make_unique<ExplicitEngine>(search);
  }
  smt::SmtOptions smt;
  smt.depth = o.depth;
  smt.timeout_seconds = o.timeout;
  smt.threads = o.threads;
  if (name == "bmc") return std::make_unique<smt::BmcEngine>(smt);
  if (name == "kind") return std::make_unique<smt::KInductionEngine>(smt);
  return std::make_unique<smt::PdrEngine>(smt);
}

Result run_engine(const std::string& name, const CheckOptions& o, const Problem& pb) {
  Result r = make_engine(name, o)->check(pb);
  if (name == "explicit" && !o.quiet && isatty(STDERR_FILENO))
    std::cerr << "\r\033[K" << std::flush;  // clear the progress line
  return r;
}

/// --engine all: every engine, cross-checked; the report is the first definite result's.
Result run_all(const CheckOptions& o, const Spec& spec) {
  std::vector<Result> results;
  for (const auto& name : kEngines) {
    results.push_back(run_engine(name, o, spec.problem));
    if (!o.quiet) std::cout << summary_line(spec.problem, results.back()) << "\n";
  }
  std::string why = disagreement(results);
  if (!why.empty()) throw std::logic_error("the engines disagree: " + why);
  for (const auto& r : results)
    if (r.verdict != Verdict::unknown) return r;
  return results.front();
}

int run_check(const CheckOptions& o) {
  Spec spec = read_spec(o.spec);
  if (o.expect && !spec.expect)
    throw InputError(o.spec, 0, 0, "--expect given, but the spec has no \"expect\"");
  if (!o.ftrace.empty())
    replay::require_mapped(spec.problem.design, spec.variant, o.spec, "--ftrace: ");
  spec.problem.symmetry = !o.no_symmetry;
  Result r = o.engine == "all" ? run_all(o, spec) : run_engine(o.engine, o, spec.problem);
  if (!o.quiet) std::cout << format_report(spec, r);
  if (!o.json.empty()) write_file(o.json, result_json(spec, r).dump(2) + "\n");
  bool drawing = !o.pictures.dot.empty() || !o.pictures.svg.empty() || !o.pictures.png.empty();
  if (drawing && r.counterexample) write_pictures(o.pictures, spec.problem, *r.counterexample);
  if (drawing && !r.counterexample) std::cerr << "pasidcheck: no counterexample to draw\n";
  if (!o.ftrace.empty() && r.counterexample)
    write_file(o.ftrace, counterexample_ftrace(spec, *r.counterexample));
  if (!o.expect) return exit_for(r.verdict);
  std::string why = expectation_mismatch(*spec.expect, spec.problem, r);
  std::cout << spec.file << ": "
            << (why.empty() ? "expectation met" : "expectation NOT met: " + why) << "\n";
  return why.empty() ? kHolds : kViolated;
}

int run_show(const ShowOptions& o) {
  SavedCounterexample saved = read_counterexample(o.result);
  std::cout << format_counterexample(saved.problem, saved.counterexample);
  write_pictures(o.pictures, saved.problem, saved.counterexample);
  return kHolds;
}

int run_graph(const GraphOptions& o) {
  Spec spec = read_spec(o.spec);
  spec.problem.symmetry = !o.no_symmetry;
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
/// layout), or "" when there is no such line or it is not printable text.
std::string caret(const InputError& e) {
  if (e.line() <= 0 || e.col() <= 0) return "";
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
  CLI::App app{"pasidcheck: a model checker for the Linux x86 PASID lifecycle"};
  app.require_subcommand(1);
  CheckOptions check;
  CLI::App* cmd = app.add_subcommand("check", "check a spec exhaustively");
  cmd->add_option("spec", check.spec, "the spec file (JSON)")->required();
  cmd->add_option("--json", check.json, "also write the result as JSON to this file");
  add_picture_options(cmd, check.pictures);
  cmd->add_option("--ftrace", check.ftrace,
                  "write the counterexample as a kernel trace that `replay` reads back");
  cmd->add_flag("--expect", check.expect, "compare the result with the spec's \"expect\"");
  cmd->add_flag("-q,--quiet", check.quiet, "print nothing but errors (and --expect's line)");
  cmd->add_option("--max-memory", check.max_memory,
                  "stop with verdict unknown (exit 3) when the search needs more (e.g. 512M, 4G)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--threads", check.threads,
                  "explicit: expand states, kind and pdr: prove the candidate facts, on this "
                  "many threads (default 1; same result)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--no-symmetry", check.no_symmetry,
                "store every state, not one per renaming of threads, processes, files, mms");
  auto* bitstate = cmd->add_flag(
      "--bitstate", check.bitstate,
      "explicit: keep 3 bits a state, not the state (may miss states: no violation gives "
      "unknown, exit 3)");
  cmd->add_option("--bitstate-bits", check.bitstate_bits,
                  "--bitstate: a table of 2^N bits (default 30, 128 MiB; or half of --max-memory)")
      ->check(CLI::Range(10, 36))
      ->needs(bitstate);
  cmd->callback([&check] {
    if (check.bitstate && check.max_memory && check.bitstate_bits &&
        (std::uint64_t{1} << check.bitstate_bits) / 8 > check.max_memory)
      throw CLI::ValidationError("--bitstate-bits", "a table of 2^" +
                                                        std::to_string(check.bitstate_bits) +
                                                        " bits does not fit in --max-memory");
  });
  std::vector<std::string> engine_names = kEngines;
  engine_names.push_back("all");
  cmd->add_option("--engine", check.engine,
                  "explicit (default), bmc, kind, pdr, or all of them cross-checked")
      ->check(CLI::IsMember(engine_names));
  cmd->add_option("--depth", check.depth, "bmc: unroll this far; kind: the largest k (default 30)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--timeout", check.timeout,
                  "SMT engines: give up after this many seconds, verdict unknown (exit 3)")
      ->check(CLI::Range(0.0, 1e6));
  ShowOptions show;
  CLI::App* show_cmd =
      app.add_subcommand("show", "print and draw a counterexample saved by --json");
  show_cmd->add_option("result", show.result, "a result written by check --json")->required();
  add_picture_options(show_cmd, show.pictures);
  GraphOptions graph;
  CLI::App* graph_cmd =
      app.add_subcommand("graph", "draw the reachable state space of a small spec");
  graph_cmd->add_option("spec", graph.spec, "the spec file (JSON)")->required();
  graph_cmd
      ->add_option("--max-states", graph.max_states, "refuse larger state spaces (default 300)")
      ->check(CLI::Range(1, 100000));
  graph_cmd->add_flag("--no-symmetry", graph.no_symmetry, "draw every state, not one per renaming");
  add_picture_options(graph_cmd, graph.pictures);
  ReplayCliOptions rep;
  CLI::App* replay_cmd = add_replay_command(app, rep);
  CLI::App* list = app.add_subcommand("list", "list the variants, mutants, invariants and rules");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pasidcheck: error: " << e.what() << "\n";
    return kBadInput;
  }
  try {
    if (list->parsed()) {
      run_list();
      return 0;
    }
    if (show_cmd->parsed()) return run_show(show);
    if (graph_cmd->parsed()) return run_graph(graph);
    if (replay_cmd->parsed()) return run_replay(rep);
    return run_check(check);
  } catch (const InputError& e) {
    std::cerr << e.formatted() << "\n" << caret(e);
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "pasidcheck: internal error: " << e.what() << "\n";
    return kInternal;
  }
}
