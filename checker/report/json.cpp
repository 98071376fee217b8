#include "json.hpp"

#include "checker/explicit/instances.hpp"
#include "text.hpp"

namespace pasid {

namespace {

using nlohmann::json;

json args_json(int rule, const Args<Concrete>& a) {
  const RuleInfo& info = rule_info(rule);
  json out = json::object();
  for (int k = 0; k < info.param_count; ++k) {
    Param p = info.params[static_cast<unsigned>(k)];
    out[param_name(p)] = param_value(a, p);
  }
  return out;
}

json state_json(const Bounds& b, const State<Concrete>& s) {
  json out = json::object();
  visit_fields(
      b, [&](const FieldId& id, const auto& v) { out[field_name(id)] = static_cast<int>(v); }, s);
  return out;
}

json changes_json(const Bounds& b, const State<Concrete>& x, const State<Concrete>& y) {
  json out = json::array();
  for (const FieldChange& c : field_changes(b, x, y))
    out.push_back({{"field", field_name(c.id)}, {"from", c.from}, {"to", c.to}});
  return out;
}

json counterexample_json(const Problem& pb, const Counterexample& cex) {
  json steps = json::array();
  const State<Concrete>* before = &cex.initial;
  for (std::size_t i = 0; i < cex.steps.size(); ++i) {
    const TraceStep& st = cex.steps[i];
    json observed = json::array();
    for (const auto& o : st.log) observed.push_back(format_observation(o));
    steps.push_back({{"index", i + 1},
                     {"rule", rule_info(st.rule).name},
                     {"kernel", rule_info(st.rule).kernel},
                     {"call", instance_name(st.rule, st.args)},
                     {"args", args_json(st.rule, st.args)},
                     {"changes", changes_json(pb.bounds, *before, st.after)},
                     {"observed", observed}});
    before = &st.after;
  }
  json broken = json::array();
  for (int b : cex.broken) broken.push_back(pb.invariants[static_cast<unsigned>(b)].name);
  return {{"invariant", broken_name(pb, cex)},
          {"broken", broken},
          {"length", cex.steps.size()},
          {"initial", state_json(pb.bounds, cex.initial)},
          {"steps", steps}};
}

/// Every state with every field as the solver chose it, the steps, and what breaks.
json cti_json(const Problem& pb, const InductionCti& cti) {
  json states = json::array();
  for (const auto& fields : cti.states) {
    json state = json::object();
    for (const auto& [id, v] : fields) state[field_name(id)] = v;
    states.push_back(state);
  }
  json broken = json::array();
  for (int b : cti.broken) broken.push_back(pb.invariants[static_cast<unsigned>(b)].name);
  return {{"broken", broken}, {"steps", cti.steps}, {"states", states}, {"replayed", cti.replayed}};
}

json stats_json(const Problem& pb, const Stats& st) {
  if (st.rule_fired.empty()) return {{"depth", st.depth}, {"seconds", st.seconds}};  // SMT
  json fired = json::object();
  for (int r = 0; r < kRuleCount; ++r)
    fired[rule_info(r).name] = st.rule_fired[static_cast<unsigned>(r)];
  json premises = json::object();
  for (std::size_t i = 0; i < pb.invariants.size(); ++i)
    premises[pb.invariants[i].name] = st.premise_held[i];
  json out = {{"states", st.states},
              {"transitions", st.transitions},
              {"depth", st.depth},
              {"seconds", st.seconds},
              {"states_per_second", st.per_second(st.states)},
              {"generated_per_second", st.per_second(st.transitions)},
              {"peak_memory_bytes", st.peak_rss_bytes},
              {"bytes_per_state", st.bytes_per_state},
              {"rules_fired", fired},
              {"premise_held", premises},
              {"pasid_frees",
               {{"mmdrop", st.pasid_frees_at[0]},
                {"mmput", st.pasid_frees_at[1]},
                {"last_unbind", st.pasid_frees_at[2]},
                {"close", st.pasid_frees_at[3]}}}};
  if (const auto& b = st.bitstate)
    out["bitstate"] = {{"bits", b->bits},
                       {"hashes", b->hashes},
                       {"bits_set", b->bits_set},
                       {"expected_missed_states", b->expected_missed},
                       {"last_miss_chance", b->last_chance}};
  return out;
}

}  // namespace

json result_json(const Spec& spec, const Result& r) {
  const Bounds& b = spec.problem.bounds;
  json invariants = json::array();
  for (const Property& p : spec.problem.invariants)
    if (p.builtin >= 0)
      invariants.push_back(p.name);
    else
      invariants.push_back({{"name", p.name}, {"statement", p.statement}, {"formula", p.source}});
  json out = {{"pasidcheck", PASIDCHECK_VERSION},
              {"spec", spec.file},
              {"variant", spec.variant},
              {"mutants", spec.mutants},
              {"bounds",
               {{"threads", b.threads},
                {"processes", b.processes},
                {"mms", b.mms},
                {"devices", b.devices},
                {"files", b.files},
                {"pasids", b.pasids}}},
              {"invariants", invariants},
              {"verdict", verdict_name(r.verdict)},
              {"statistics", stats_json(spec.problem, r.stats)}};
  out["engine"] = r.engine;
  if (!r.stats.depth_seconds.empty()) out["depth_seconds"] = r.stats.depth_seconds;
  if (!r.proof.empty()) out["proof"] = r.proof;
  if (r.verdict == Verdict::unknown) out["reason"] = r.reason;
  if (r.counterexample)
    out["counterexample"] = counterexample_json(spec.problem, *r.counterexample);
  if (r.cti) out["counterexample_to_induction"] = cti_json(spec.problem, *r.cti);
  json warnings = json::array();
  if (r.verdict == Verdict::holds && !r.stats.rule_fired.empty())
    for (const auto& w : vacuity_warnings(spec.problem, r.stats)) warnings.push_back(w);
  out["warnings"] = warnings;
  return out;
}

}  // namespace pasid
