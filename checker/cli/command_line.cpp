#include "command_line.hpp"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "checker/replay/ftrace_writer.hpp"
#include "model/catalog.hpp"
#include "model/invariants.hpp"

namespace pasid::cli {

namespace {

/// The picture options of a subcommand.
void add_picture_options(CLI::App* cmd, PictureOptions& p) {
  cmd->add_option("--dot", p.dot, "write the counterexample as a DOT sequence diagram");
  cmd->add_option("--svg", p.svg, "... rendered as SVG");
  cmd->add_option("--png", p.png, "... rendered as PNG");
}

/// --max-memory's checks, either side of CLI::AsSizeValue: no sign (it would read "-5" as
/// 2^64 - 5, no limit at all), and at least 1 MiB, what the search takes before its first
/// state (a limit below made it stop "at the memory limit of 0 MiB").
CLI::Validator unsigned_size() {
  return CLI::Validator(
      [](std::string& v) {
        return v.find('-') == std::string::npos ? std::string() : v + " is not a size";
      },
      "");
}
CLI::Validator at_least_mib() {
  return CLI::Validator(
      [](std::string& v) {
        std::uint64_t bytes = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), bytes);
        bool ok = ec == std::errc() && end == v.data() + v.size() && bytes >= (1u << 20);
        return ok ? std::string() : v + " bytes is below the least limit, 1M";
      },
      "");
}

/// The subcommands, each filling its options.
CLI::App* add_check_command(CLI::App& app, CheckOptions& o) {
  CLI::App* cmd = app.add_subcommand("check", "check a spec exhaustively");
  cmd->add_option("spec", o.spec, "the spec file (JSON)")->required();
  cmd->add_option("--json", o.json, "also write the result as JSON to this file");
  add_picture_options(cmd, o.pictures);
  cmd->add_option("--ftrace", o.ftrace,
                  "write the counterexample as a kernel trace that `replay` reads back");
  cmd->add_option("--ftrace-layout", o.ftrace_layout,
                  "the kernels whose exit lines --ftrace prints: linux-5.18 (5.18 to 6.15) or "
                  "linux-6.16 (default: v6.19-early's 6.16, else 5.18's)")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(replay::kLayoutNames),
                                                     std::end(replay::kLayoutNames))));
  cmd->add_flag("--expect", o.expect, "compare the result with the spec's \"expect\"");
  cmd->add_flag("-q,--quiet", o.quiet, "print nothing but errors (and --expect's line)");
  cmd->add_option("--max-memory", o.max_memory,
                  "stop with verdict unknown (exit 3) when the search needs more (e.g. 512M, 4G)")
      ->check(unsigned_size())
      ->transform(CLI::AsSizeValue(false))
      ->check(at_least_mib());
  cmd->add_option("--threads", o.threads,
                  "explicit: expand states, kind and pdr: prove the candidate facts, on this "
                  "many threads (default: one per core, at most 4; same result)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--no-symmetry", o.no_symmetry,
                "store every state, not one per renaming of threads, processes, files, mms");
  auto* bitstate = cmd->add_flag(
      "--bitstate", o.bitstate,
      "explicit: keep 3 bits a state, not the state (may miss states: no violation gives "
      "unknown, exit 3)");
  cmd->add_option("--bitstate-bits", o.bitstate_bits,
                  "--bitstate: a table of 2^N bits (default 30, 128 MiB; or half of --max-memory)")
      ->check(CLI::Range(10, 36))
      ->needs(bitstate);
  cmd->callback([&o] {
    if (o.bitstate && o.max_memory && o.bitstate_bits &&
        (std::uint64_t{1} << o.bitstate_bits) / 8 > o.max_memory)
      throw CLI::ValidationError(
          "--bitstate-bits",
          "a table of 2^" + std::to_string(o.bitstate_bits) + " bits does not fit in --max-memory");
  });
  std::vector<std::string> engine_names = kEngines;
  engine_names.push_back("all");
  cmd->add_option("--engine", o.engine,
                  "explicit (default), bmc, kind, pdr, or all of them cross-checked")
      ->check(CLI::IsMember(engine_names));
  cmd->add_option("--depth", o.depth, "bmc: unroll this far; kind: the largest k (default 30)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--timeout", o.timeout,
                  "SMT engines: give up after this many seconds, verdict unknown (exit 3); "
                  "0, the default: no limit")
      ->check(CLI::Range(0.0, 1e6));
  return cmd;
}

CLI::App* add_replay_command(CLI::App& app, ReplayCliOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "replay",
      "check a kernel trace (ftrace text, trace-cmd report, JSON lines) against the model");
  cmd->add_option("trace", o.trace,
                  "the trace file (- or a pipe: read once, copied to a temporary file)")
      ->required();
  std::vector<std::string> variant_names, mutant_names;
  for (const auto& v : variants()) variant_names.push_back(v.name);
  for (const auto& m : mutants()) mutant_names.push_back(m.name);
  cmd->add_option("--variant", o.variant, "the kernel design to replay against (default v5.18)")
      ->check(CLI::IsMember(variant_names));
  cmd->add_option("--mutant", o.mutants, "a mutant on top of the variant (repeatable)")
      ->check(CLI::IsMember(mutant_names));
  std::vector<std::string> invariant_names;
  for (int i = 0; i < kInvariantCount; ++i) invariant_names.push_back(invariant_info(i).name);
  cmd->add_option("--invariant", o.invariants,
                  "check only this built-in invariant (repeatable; default: all)")
      ->check(CLI::IsMember(invariant_names));
  cmd->add_option("--mapping", o.mapping,
                  "a mapping file, or linux-5.18 / linux-6.16 (default: detected from the trace)");
  cmd->add_option("--pid", o.pid, "the workload's first task (default: the first line's)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1} << 40));
  cmd->add_option("--threads", o.threads,
                  "threads reading the trace (default: one per core, at most 4; same result)")
      ->check(CLI::Range(1u, 64u));
  cmd->add_option("--json", o.json, "also write the result as JSON to this file");
  cmd->add_flag("--expect", o.expect,
                "compare with the trace's expectation (its \"# expect:\" lines or TRACE.expect)");
  cmd->add_flag("-q,--quiet", o.quiet, "print nothing but errors (and --expect's line)");
  add_picture_options(cmd, o.pictures);
  return cmd;
}

CLI::App* add_show_command(CLI::App& app, ShowOptions& o) {
  CLI::App* cmd = app.add_subcommand("show", "print and draw a counterexample saved by --json");
  cmd->add_option("result", o.result, "a result written by check --json")->required();
  add_picture_options(cmd, o.pictures);
  return cmd;
}

CLI::App* add_graph_command(CLI::App& app, GraphOptions& o) {
  CLI::App* cmd = app.add_subcommand("graph", "draw the reachable state space of a small spec");
  cmd->add_option("spec", o.spec, "the spec file (JSON)")->required();
  cmd->add_option("--max-states", o.max_states, "refuse larger state spaces (default 300)")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--no-symmetry", o.no_symmetry, "draw every state, not one per renaming");
  add_picture_options(cmd, o.pictures);
  return cmd;
}

}  // namespace

int parse_command_line(int argc, char** argv, Command& out) {
  CLI::App app{"pasidcheck: a model checker for the Linux x86 PASID lifecycle"};
  app.set_version_flag("--version", "pasidcheck " PASIDCHECK_VERSION);
  app.require_subcommand(1);
  add_check_command(app, out.check);
  CLI::App* show = add_show_command(app, out.show);
  CLI::App* graph = add_graph_command(app, out.graph);
  CLI::App* replay = add_replay_command(app, out.replay);
  CLI::App* list = app.add_subcommand("list", "list the variants, mutants, invariants and rules");
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {  // --help, --version: printed, exit status 0
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pasidcheck: error: " << e.what() << "\n";
    return kBadInput;
  }
  using Kind = Command::Kind;
  out.kind = list->parsed()     ? Kind::list
             : show->parsed()   ? Kind::show
             : graph->parsed()  ? Kind::graph
             : replay->parsed() ? Kind::replay
                                : Kind::check;
  return -1;
}

}  // namespace pasid::cli
