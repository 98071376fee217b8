#include "replay_cmd.hpp"

#include <iostream>
#include <optional>
#include <stdexcept>

#include "checker/error.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/replay/expect.hpp"
#include "checker/replay/ftrace_writer.hpp"
#include "checker/replay/report.hpp"
#include "checker/replay/spool.hpp"
#include "checker/report/text.hpp"

namespace pasid::cli {

namespace {

/// The mapping named by --mapping (a built-in name or a file), else the one the trace fits.
const replay::Mapping& choose_mapping(const std::string& want, const std::string& trace,
                                      replay::Mapping& loaded) {
  const auto& builtin = replay::builtin_mappings();
  if (want.empty()) return replay::detect_mapping(trace, builtin);
  for (const auto& m : builtin)
    if (m.name == want) return m;
  loaded = replay::read_mapping(want);
  return loaded;
}

/// The design of a variant and mutants given by name.
Design design_of(const replay::ReplayDesign& d, const std::string& where) {
  Design z;
  const DesignChange* v = find_change(variants(), d.variant);
  if (!v) throw InputError(where, 0, 0, "unknown variant \"" + d.variant + "\"");
  v->apply(z);
  for (const auto& name : d.mutants) {
    const DesignChange* m = find_change(mutants(), name);
    if (!m) throw InputError(where, 0, 0, "unknown mutant \"" + name + "\"");
    m->apply(z);
  }
  replay::require_mapped(z, d.variant, where);
  return z;
}

int exit_for(replay::ReplayVerdict v) {
  switch (v) {
    case replay::ReplayVerdict::conforms:
      return kHolds;
    case replay::ReplayVerdict::violates:
      return kViolated;
    case replay::ReplayVerdict::diverges:
      return kDiverges;
  }
  return kInternal;
}

}  // namespace

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

namespace {

/// The replay of trace o.trace, read from `from` (the trace, or its copy when piped).
int replay_from(const ReplayCliOptions& o, const std::string& from) {
  std::optional<replay::TraceExpectation> want;
  if (o.expect) {
    want = replay::read_trace_expectation(o.trace, from);
    if (!want) throw InputError(o.trace, 0, 0, "--expect given, but the trace has no expectation");
  }
  replay::ReplayDesign d;
  if (want && want->variant) d.variant = *want->variant;
  if (want) d.mutants = want->mutants;
  if (!o.variant.empty()) d.variant = o.variant;
  if (!o.mutants.empty()) d.mutants = o.mutants;
  std::string mapping_name =
      o.mapping.empty() && want && want->mapping ? *want->mapping : o.mapping;
  std::vector<std::string> invariants = o.invariants;
  if (invariants.empty() && want) invariants = want->invariants;
  Design design = design_of(d, want ? want->file : "--variant");
  Problem pb = replay::replay_problem(design, invariants, want ? want->file : "--invariant");
  replay::Mapping loaded;
  const replay::Mapping& mapping = choose_mapping(mapping_name, from, loaded);
  replay::ReplayRun run = replay::run_replay(from, pb, mapping, o.pid, o.threads);
  if (!o.quiet) std::cout << replay::format_replay(o.trace, d, pb, run);
  if (!o.json.empty()) write_file(o.json, replay::replay_json(o.trace, d, pb, run).dump(2) + "\n");
  if (run.counterexample) write_pictures(o.pictures, pb, *run.counterexample);
  if (!want) return exit_for(run.result.verdict);
  bool met = replay::verdict_line(pb, run).starts_with(want->expect);
  std::cout << o.trace << ": "
            << (met ? "expectation met" : "expectation NOT met: expected \"" + want->expect + "\"")
            << "\n";
  return met ? kHolds : kViolated;
}

}  // namespace

int run_replay(const ReplayCliOptions& o) {
  replay::SpooledTrace trace(o.trace);
  try {
    return replay_from(o, trace.path());
  } catch (const InputError& e) {
    if (e.file() != trace.path()) throw;
    throw InputError(o.trace, e.line(), e.col(), e.what());  // the copy's name is no help
  }
}

std::string counterexample_ftrace(const Spec& spec, const Counterexample& cex,
                                  const std::string& layout) {
  std::vector<std::string> header = {"generated by pasidcheck check --ftrace from " + spec.file,
                                     "variant: " + spec.variant};
  std::string mutants;
  for (const auto& m : spec.mutants) mutants += (mutants.empty() ? "" : " ") + m;
  if (!mutants.empty()) header.push_back("mutants: " + mutants);
  std::vector<std::string> names;
  bool builtin = true;
  for (const auto& p : spec.problem.invariants) {
    names.push_back(p.name);
    builtin = builtin && p.builtin >= 0;
  }
  if (!builtin || names.size() == static_cast<std::size_t>(kInvariantCount)) names.clear();
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : " ") + n;
  if (!list.empty()) header.push_back("invariants: " + list);
  // The replay checks these built-in invariants: name the first of them the path breaks.
  Problem all = replay::replay_problem(spec.problem.design, names);
  std::vector<Instance> steps;
  for (const auto& st : cex.steps) steps.push_back({st.rule, st.args});
  auto again = replay_path(all, steps);
  std::string first = again ? broken_name(all, *again) : broken_name(spec.problem, cex);
  auto exits = layout.empty() ? replay::default_layout(spec.variant) : replay::layout_named(layout);
  if (!exits) throw std::logic_error("--ftrace-layout: no mapping layout " + layout);
  replay::WrittenTrace t = replay::write_ftrace(spec.problem, cex, *exits);
  if (!t.unprintable.empty())  // only design A's steps, and run_check refused design A
    throw std::logic_error("--ftrace: a " + t.unprintable + " step outside design A");
  int line = t.step_lines.back() + static_cast<int>(header.size()) + 1;  // below the header
  header.push_back("expect: violates " + first + " at " + std::to_string(line));
  std::string text;
  for (const auto& h : header) text += "# " + h + "\n";
  return text + t.text;
}

}  // namespace pasid::cli
