#include "report.hpp"

#include "checker/report/json.hpp"
#include "checker/report/text.hpp"

namespace pasid::replay {

std::string verdict_line(const Problem& pb, const ReplayRun& run) {
  const ReplayResult& r = run.result;
  switch (r.verdict) {
    case ReplayVerdict::conforms:
      return "conforms: " + std::to_string(r.steps + r.observations) + " events matched (" +
             std::to_string(r.steps) + " model steps, " + std::to_string(r.observations) +
             " kernel observations explained), " + std::to_string(r.ignored) +
             " about tasks and files outside the model, " + std::to_string(run.source.lines) +
             " lines";
    case ReplayVerdict::diverges:
      return "diverges at " + std::to_string(r.line) + ": " + r.message;
    case ReplayVerdict::violates: {
      std::string also;
      for (std::size_t i = 0; i < pb.invariants.size(); ++i)
        if (static_cast<int>(i) != r.invariant && ((r.broken >> i) & 1))
          also += (also.empty() ? " (and " : ", ") + pb.invariants[i].name;
      return "violates " + pb.invariants[static_cast<unsigned>(r.invariant)].name + " at " +
             std::to_string(r.line) + (also.empty() ? "" : also + ")");
    }
  }
  return "";
}

std::string nothing_checked(const ReplayRun& run) {
  const ReplayResult& r = run.result;
  if (r.verdict != ReplayVerdict::conforms || r.steps + r.observations > 0) return "";
  return std::string(
             "no line was a model step or a kernel observation it explains, so nothing was "
             "checked: ") +
         (run.source.lines == 0     ? "the trace is empty"
          : run.source.records == 0 ? "it has no event lines"
                                    : "are the workload's events enabled, and is --pid its first "
                                      "task?");
}

std::string format_replay(const std::string& trace, const ReplayDesign& d, const Problem& pb,
                          const ReplayRun& run) {
  std::string mutants;
  for (const auto& m : d.mutants) mutants += " + " + m;
  std::string s = "trace: " + trace + " (" +
                  (run.source.format == Format::ftrace ? "ftrace, mapping " + run.mapping
                                                       : std::string("JSON lines")) +
                  ", variant " + d.variant + mutants + ")\n";
  s += verdict_line(pb, run) + "\n";
  if (std::string w = nothing_checked(run); !w.empty()) s += "warning: " + w + "\n";
  if (run.source.unmapped > 0)
    s += "note: " + std::to_string(run.source.unmapped) +
         " event lines the mapping does not name were skipped (the first: " +
         run.source.first_unmapped + " at line " + std::to_string(run.source.first_unmapped_line) +
         ")\n";
  if (!run.counterexample) return s;
  s += "\n" + format_counterexample(pb, *run.counterexample);
  s += "\nthe steps' trace lines:";
  for (std::size_t k = 0; k < run.result.path_lines.size(); ++k)
    s += " " + std::to_string(k + 1) + "<-" + std::to_string(run.result.path_lines[k]);
  return s + "\n";
}

nlohmann::json replay_json(const std::string& trace, const ReplayDesign& d, const Problem& pb,
                           const ReplayRun& run) {
  Spec spec;
  spec.file = trace;
  spec.variant = d.variant;
  spec.mutants = d.mutants;
  spec.problem = pb;
  Result r;
  r.engine = "replay";
  r.verdict = run.counterexample ? Verdict::violated : Verdict::holds;
  r.counterexample = run.counterexample;
  nlohmann::json out = result_json(spec, r);
  out.erase("statistics");
  out["warnings"] = nlohmann::json::array();
  if (std::string w = nothing_checked(run); !w.empty()) out["warnings"].push_back(w);
  out.erase("spec");
  const ReplayResult& rr = run.result;
  out["trace"] = trace;
  out["mapping"] = run.mapping;
  out["verdict"] = verdict_name(rr.verdict);
  out["summary"] = verdict_line(pb, run);
  if (rr.line > 0) out["line"] = rr.line;
  out["events"] = {{"read", rr.events},
                   {"model_steps", rr.steps},
                   {"observations", rr.observations},
                   {"ignored", rr.ignored},
                   {"lines", run.source.lines},
                   {"unmapped_lines", run.source.unmapped}};
  if (run.counterexample)
    for (std::size_t k = 0; k < rr.path_lines.size(); ++k)
      out["counterexample"]["steps"][k]["trace_line"] = rr.path_lines[k];
  return out;
}

}  // namespace pasid::replay
