#pragma once
// One step of the concrete model, and the invariant check over it: what the explorer
// does per transition, and what replaying a counterexample does per step.

#include <cstdint>
#include <optional>
#include <vector>

#include "checker/engine.hpp"
#include "instances.hpp"

namespace pasid {

/// The state after firing instance `in` from `s` (whose guard must hold), its log in `log`.
State<Concrete> successor(const Problem& pb, const State<Concrete>& s, const Instance& in,
                          Log<Concrete>& log);
/// The same, into `next` (no copy of the result).
void successor(const Problem& pb, const State<Concrete>& s, const Instance& in, Log<Concrete>& log,
               State<Concrete>& next);

/// The same for an instance of rule R, its effect inlined (the explorer's inner loop).
template <class R>
void successor(const Problem& pb, const State<Concrete>& s, const Instance& in, Log<Concrete>& log,
               State<Concrete>& next) {
  next = s;
  log.clear();
  Step<Concrete> st(next, pb.bounds, pb.design, log);
  rule_effect<R>(st, in.args);
}

/// The problem's invariants broken by the step pre --log--> post, in the problem's order.
std::vector<int> all_broken(const Problem& pb, const State<Concrete>& pre, const Log<Concrete>& log,
                            const State<Concrete>& post);

/// Adds a step's observations to per-kind and per-free-site counts.
void count_observations(const Log<Concrete>& log, std::vector<std::uint64_t>& seen,
                        std::vector<std::uint64_t>& frees_at);

/// Re-runs `path` from the initial state.  Returns nothing if a guard fails on the way or
/// the last step breaks none of the problem's invariants; the counterexample's invariant
/// is the first one broken.
std::optional<Counterexample> replay_path(const Problem& pb, const std::vector<Instance>& path);

/// The same, and nothing unless `invariant` is the first one the last step breaks: a
/// counterexample that does not replay is an engine bug, never a result.
std::optional<Counterexample> replay_path(const Problem& pb, const std::vector<Instance>& path,
                                          int invariant);

}  // namespace pasid
