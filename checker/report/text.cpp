#include "text.hpp"

#include <bit>
#include <cstdio>
#include <string_view>

#include "checker/explicit/instances.hpp"
#include "cti.hpp"

namespace pasid {

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

namespace {

const char* site_name(int site) {
  switch (static_cast<FreeSite>(site)) {
    case FreeSite::mmdrop:
      return "__mmdrop";
    case FreeSite::mmput:
      return "__mmput";
    case FreeSite::last_unbind:
      return "the last unbind";
    case FreeSite::close:
      return "close";
  }
  return "?";
}

std::string pasid_text(int p) {
  return p == kNoPasid ? "none" : std::to_string(p);
}
std::string mm_text(int m) {
  return m == kNone ? "none" : "mm" + std::to_string(m);
}

std::string changes(const Bounds& b, const State<Concrete>& before, const State<Concrete>& after) {
  std::string out;
  for (const FieldChange& c : field_changes(b, before, after))
    out += "       " + field_name(c.id) + ": " + field_value(c.id, c.from) + " -> " +
           field_value(c.id, c.to) + "\n";
  return out;
}

}  // namespace

std::vector<FieldChange> field_changes(const Bounds& b, const State<Concrete>& before,
                                       const State<Concrete>& after) {
  std::vector<FieldChange> out;
  visit_fields(
      b,
      [&](const FieldId& id, const auto& x, const auto& y) {
        if (x != y) out.push_back({id, static_cast<int>(x), static_cast<int>(y)});
      },
      before, after);
  return out;
}

std::string field_value(const FieldId& id, int v) {
  std::string_view f = id.field;
  if (holds_pasid(id)) return pasid_text(v);
  if (f == "proc" || f == "mm" || f == "dev" || f == "owner")
    return v == kNone ? "none" : std::to_string(v);
  return std::to_string(v);
}

std::string format_observation(const Observation<Concrete>& o) {
  switch (o.kind) {
    case Seen::submit:
      return "t" + std::to_string(o.thread) + " submits to dev" + std::to_string(o.dev) +
             " with PASID " + pasid_text(o.pasid) + " (owner " + mm_text(o.seen) + ", thread's " +
             mm_text(o.mm) + ")";
    case Seen::unbind:
      return "unbind dev" + std::to_string(o.dev) + " from " + mm_text(o.mm) + " by PASID " +
             pasid_text(o.pasid) + " (owner " + mm_text(o.seen) + ")";
    case Seen::pasid_free:
      return "PASID " + pasid_text(o.pasid) + " of " + mm_text(o.mm) + " freed at " +
             site_name(o.site) + " with " + std::to_string(o.seen) + " bond(s) left";
    case Seen::child:
      return "t" + std::to_string(o.thread) + " created on " + mm_text(o.mm);
    case Seen::sigsegv:
      return "t" + std::to_string(o.thread) + " gets SIGSEGV; its " + mm_text(o.mm) +
             " has PASID " + pasid_text(o.pasid);
    case Seen::fixup:
      return "#GP fixup loads PASID " + pasid_text(o.pasid) + " into t" + std::to_string(o.thread) +
             "'s MSR (pasid_activated was " + std::to_string(o.seen) + ")";
    case Seen::mm_read:
      return "the unbind reads " + mm_text(o.mm) + "'s iommu_mm with mm_count " +
             std::to_string(o.seen) + (o.seen == 0 ? " (freed)" : "");
  }
  return "?";
}

std::string format_counterexample(const Problem& pb, const Counterexample& cex) {
  std::string out = "counterexample: " + std::to_string(cex.steps.size()) + " step" +
                    (cex.steps.size() == 1 ? "" : "s") +
                    " from the initial state (t0 in proc0 on mm0)\n";
  const State<Concrete>* before = &cex.initial;
  for (std::size_t i = 0; i < cex.steps.size(); ++i) {
    const TraceStep& step = cex.steps[i];
    out += "  " + std::to_string(i + 1) + ". " + instance_name(step.rule, step.args) + "\n";
    out += changes(pb.bounds, *before, step.after);
    for (const auto& o : step.log) out += "       * " + format_observation(o) + "\n";
    before = &step.after;
  }
  for (int b : cex.broken) {
    const Property& p = pb.invariants[static_cast<unsigned>(b)];
    out += "  broken: " + p.name + ": " + p.statement + "\n";
  }
  return out;
}

/// What a bitstate table holds and what the search may have missed, in SPIN's terms.
std::string format_bitstate(const Stats& st) {
  const Stats::Bitstate& b = *st.bitstate;
  const auto bits = static_cast<double>(b.bits);
  const int log2 = std::countr_zero(b.bits);  // the table has a power of two bits
  std::string out = "bitstate:\n";
  out += "  table        2^" + std::to_string(log2) + " bits (" + fixed(bits / 8 / (1 << 20), 1) +
         " MiB), " + std::to_string(b.hashes) + " bits a state, " +
         fixed(100 * static_cast<double>(b.bits_set) / bits, 3) + "% set\n";
  out += "  hash factor  " +
         fixed(bits / static_cast<double>(std::max<std::uint64_t>(1, st.states)), 1) +
         " (table bits per state; SPIN: best over 100)\n";
  char missed[200];
  std::snprintf(missed, sizeof missed,
                "  missed       about %.3g new states taken for seen ones (and what only they "
                "lead to); the last one with chance %.2g\n",
                b.expected_missed, b.last_chance);
  return out + missed;
}

std::string format_stats(const Stats& st) {
  std::string out = "statistics:\n";
  out += "  states       " + std::to_string(st.states) + "\n";
  out += "  transitions  " + std::to_string(st.transitions) + "\n";
  out += "  depth        " + std::to_string(st.depth) + "\n";
  out += "  seconds      " + fixed(st.seconds, 3) + "\n";
  out += "  states/s     " + fixed(st.per_second(st.states), 0) + "\n";
  // Every successor computed, the ones already stored too: what SPIN counts as stored plus
  // matched, and TLC as "states generated".
  out += "  generated/s  " + fixed(st.per_second(st.transitions), 0) + "\n";
  out +=
      "  peak memory  " + fixed(static_cast<double>(st.peak_rss_bytes) / (1 << 20), 1) + " MiB\n";
  out += "  bytes/state  " + std::to_string(st.bytes_per_state) + "\n";
  if (st.bitstate) out += format_bitstate(st);
  out += "rules fired:\n";
  for (int r = 0; r < kRuleCount; ++r) {
    std::string name = rule_info(r).name;
    out += "  " + name + std::string(14 - std::min<std::size_t>(13, name.size()), ' ') +
           std::to_string(st.rule_fired[static_cast<unsigned>(r)]) + "\n";
  }
  out += "PASIDs freed: at __mmdrop " + std::to_string(st.pasid_frees_at[0]) + ", at __mmput " +
         std::to_string(st.pasid_frees_at[1]) + ", at the last unbind " +
         std::to_string(st.pasid_frees_at[2]) + ", at close " +
         std::to_string(st.pasid_frees_at[3]) + "\n";
  return out;
}

std::vector<std::string> vacuity_warnings(const Problem& pb, const Stats& st) {
  std::vector<std::string> w;
  for (int r = 0; r < kRuleCount; ++r)
    if (st.rule_fired[static_cast<unsigned>(r)] == 0)
      w.push_back(std::string("rule ") + rule_info(r).name + " never fired");
  for (std::size_t i = 0; i < pb.invariants.size(); ++i)
    if (st.premise_held[i] == 0)
      w.push_back("invariant " + pb.invariants[i].name +
                  " holds vacuously: " + pb.invariants[i].premise + " never happened");
  return w;
}

std::string broken_name(const Problem& pb, const Counterexample& cex) {
  return pb.invariants[static_cast<unsigned>(cex.invariant)].name;
}

std::string summary_line(const Problem& pb, const Result& r) {
  std::string out = r.engine + ": " + verdict_name(r.verdict);
  if (r.counterexample)
    out += " (" + broken_name(pb, *r.counterexample) + ") at length " +
           std::to_string(r.counterexample->steps.size());
  if (r.verdict == Verdict::unknown) out += ": " + r.reason;
  if (r.engine == "explicit")
    out += ", " + std::to_string(r.stats.states) + " states";
  else
    out += ", depth " + std::to_string(r.stats.depth);
  return out + ", " + fixed(r.stats.seconds, 2) + " s";
}

/// What an SMT engine can say of its search: how deep, how long, and its proof.
std::string format_solver_stats(const Result& r) {
  std::string out = r.proof.empty() ? "" : r.proof + (r.proof.back() == '\n' ? "" : "\n");
  out += "statistics:\n";
  out += "  engine       " + r.engine + "\n";
  out += "  depth        " + std::to_string(r.stats.depth) + "\n";
  out += "  seconds      " + fixed(r.stats.seconds, 3) + "\n";
  return out;
}

std::string format_report(const Spec& spec, const Result& r) {
  const Bounds& b = spec.problem.bounds;
  std::string out = spec.file + ": variant " + spec.variant;
  for (const auto& m : spec.mutants) out += " + " + m;
  out += "; threads " + std::to_string(b.threads) + ", processes " + std::to_string(b.processes) +
         ", mms " + std::to_string(b.mms) + ", devices " + std::to_string(b.devices) + ", files " +
         std::to_string(b.files) + ", pasids " + std::to_string(b.pasids) + "\n";
  out += "invariants:";
  for (const Property& p : spec.problem.invariants) out += " " + p.name;
  out += "\nresult: " + std::string(verdict_name(r.verdict));
  if (r.counterexample) out += " (" + broken_name(spec.problem, *r.counterexample) + ")";
  if (r.verdict == Verdict::unknown) out += ": " + r.reason;
  out += "\n";
  if (r.counterexample) out += format_counterexample(spec.problem, *r.counterexample);
  if (r.cti) out += format_cti(spec.problem, *r.cti);
  if (r.engine != "explicit") return out + format_solver_stats(r);
  for (const Property& p : spec.problem.invariants)
    if (spec.problem.symmetry && p.names_pasids())
      out += "note: no symmetry reduction: " + p.name + " tells PASID values apart\n";
  out += format_stats(r.stats);
  if (r.verdict == Verdict::holds)
    for (const auto& w : vacuity_warnings(spec.problem, r.stats)) out += "warning: " + w + "\n";
  return out;
}

}  // namespace pasid
