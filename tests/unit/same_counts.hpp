#pragma once
// What the explicit engine's tests compare between two searches of one problem (one thread
// and several, say): every count it reports, so that a count one search misses shows.

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

}  // namespace pasid::test
