#pragma once
// What the explicit engine's tests compare between two searches of one problem (one thread
// and several, say): every count it reports, and the counterexample, so that a count or a
// step one search gets wrong shows.

#include <doctest/doctest.h>

#include "checker/engine.hpp"

namespace pasid::test {

/// The same states, depth, transitions, rules fired, premises held, observations and
/// PASID free sites.
inline void check_same_counts(const Stats& a, const Stats& b) {
  CHECK(a.states == b.states);
  CHECK(a.depth == b.depth);
  CHECK(a.transitions == b.transitions);
  CHECK(a.rule_fired == b.rule_fired);
  CHECK(a.premise_held == b.premise_held);
  CHECK(a.seen == b.seen);
  CHECK(a.pasid_frees_at == b.pasid_frees_at);
}

/// Both results have a counterexample or neither; if they do, the same states step by step
/// and the same broken invariants.
inline void check_same_counterexample(const Result& a, const Result& b) {
  REQUIRE(a.counterexample.has_value() == b.counterexample.has_value());
  if (!a.counterexample) return;
  REQUIRE(a.counterexample->steps.size() == b.counterexample->steps.size());
  for (std::size_t i = 0; i < a.counterexample->steps.size(); ++i)
    CHECK(a.counterexample->steps[i].after == b.counterexample->steps[i].after);
  CHECK(a.counterexample->broken == b.counterexample->broken);
}

/// The same verdict, counts and counterexample.
inline void check_same_result(const Result& a, const Result& b) {
  CHECK(a.verdict == b.verdict);
  check_same_counts(a.stats, b.stats);
  check_same_counterexample(a, b);
}

}  // namespace pasid::test
