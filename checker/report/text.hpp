#pragma once
// The human-readable report: verdict, counterexample, statistics, warnings.

#include <string>
#include <vector>

#include "checker/spec/spec.hpp"

namespace pasid {

/// v with `digits` digits after the point ("30.2").
std::string fixed(double v, int digits);

/// The counterexample: numbered steps, the fields each changed, what it observed, and the
/// broken invariant.
std::string format_counterexample(const Problem& pb, const Counterexample& cex);

/// States, transitions, depth, time, rate, memory, and how often each rule fired.
std::string format_stats(const Stats& st);

/// Warnings for rules that never fired and invariants whose premise never held.
std::vector<std::string> vacuity_warnings(const Problem& pb, const Stats& st);

/// One line: the engine, its verdict, and how far it got ("bmc: violated (fresh_child) at
/// length 4 in 0.41 s").
std::string summary_line(const Problem& pb, const Result& r);

/// The name of the invariant a counterexample breaks first.
std::string broken_name(const Problem& pb, const Counterexample& cex);

/// The whole report for one spec.
std::string format_report(const Spec& spec, const Result& r);

/// A field that differs between two states.
struct FieldChange {
  FieldId id;
  int from;
  int to;
};

/// The fields that differ between before and after, in field order.
std::vector<FieldChange> field_changes(const Bounds& b, const State<Concrete>& before,
                                       const State<Concrete>& after);

/// The value of a field as the report prints it ("none" for an empty slot or PASID).
std::string field_value(const FieldId& id, int v);

/// One observation as a sentence.
std::string format_observation(const Observation<Concrete>& o);

}  // namespace pasid
