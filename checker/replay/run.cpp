#include "run.hpp"

#include <chrono>
#include <stdexcept>

#include "checker/error.hpp"
#include "checker/explicit/successor.hpp"
#include "parallel.hpp"

namespace pasid::replay {

Problem replay_problem(const Design& design, const std::vector<std::string>& names,
                       const std::string& where) {
  Problem pb;
  pb.design = design;
  pb.bounds = Bounds{kMaxThreads, kMaxProcesses, kMaxMms, kMaxDevices, kMaxFiles, kMaxPasids};
  if (names.empty()) pb.invariants = builtin_properties();
  for (const auto& name : names) {
    int found = find_invariant(name);
    if (found < 0) throw InputError(where, 0, 0, "unknown invariant \"" + name + "\"");
    for (const Property& p : pb.invariants)
      if (p.name == name)
        throw InputError(where, 0, 0, "invariant \"" + name + "\" is named twice");
    pb.invariants.push_back(builtin_property(found));
  }
  return pb;
}

void require_mapped(const Design& design, const std::string& variant, const std::string& where,
                    const std::string& prefix) {
  if (design.pasid_by_ipi)
    throw InputError(where, 0, 0,
                     prefix + "variant " + variant +
                         " (design A) cannot be replayed: the trace mappings cover 5.18 and later");
}

ReplayRun run_replay(const std::string& path, const Problem& pb, const Mapping& mapping,
                     std::int64_t root_pid, unsigned threads) {
  auto start = std::chrono::steady_clock::now();
  ReplayRun run;
  run.mapping = mapping.name;
  ReplayOptions o{root_pid, mapping.unobserved, false, path};
  o.in_place = true;
  Replayer first(pb, o);
  run.source = read_trace_parallel(
      path, mapping, [&](const TraceEvent& e) { return first.feed(e); }, {.threads = threads});
  run.result = first.finish();
  o.in_place = false;
  if (run.result.retrace) {  // the line that diverged, replayed again to say why
    Replayer again(pb, o);
    read_trace(
        path, mapping, [&](const TraceEvent& e) { return again.feed(e); }, run.result.line);
    ReplayResult why = again.finish();
    if (why.verdict != ReplayVerdict::diverges || why.line != run.result.line)
      throw std::logic_error("the replay diverges at a line it explains when replayed again");
    run.result = why;
  }
  if (run.result.verdict != ReplayVerdict::conforms) {
    // The reader may have gone past the line the replay stopped at: count up to there.
    run.source.lines = run.result.stopped_at;
    run.source.unmapped = 0;
  }
  if (run.result.verdict == ReplayVerdict::violates) {
    o.record = true;
    Replayer again(pb, o);
    read_trace(
        path, mapping, [&](const TraceEvent& e) { return again.feed(e); }, run.result.stopped_at);
    ReplayResult kept = again.finish();
    run.result.path = kept.path;
    run.result.path_lines = kept.path_lines;
    run.counterexample = replay_path(pb, kept.path, run.result.invariant);
    // Only a PASID value the kernel printed can break an invariant the model's own path
    // keeps: the model's PASIDs are always in range.
    bool by_value = pb.invariants[static_cast<unsigned>(run.result.invariant)].builtin ==
                    find_invariant("pasid_in_range");
    if (!run.counterexample && !by_value)
      throw std::logic_error("the replay's counterexample does not replay in the model");
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

}  // namespace pasid::replay
