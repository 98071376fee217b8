#pragma once
// One step of the concrete model, and the invariant check over it: what the explorer
// does per transition, and what replaying a counterexample does per step.

#include <algorithm>
#include <bit>
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

/// The problem's invariants broken by the step pre --log--> post, in the problem's order.
std::vector<int> all_broken(const Problem& pb, const State<Concrete>& pre, const Log<Concrete>& log,
                            const State<Concrete>& post);

/// Checks the invariants at positions which[0..n) (n <= 64) of pb.invariants over one step:
/// whether one broke, or `broke` already (then no more is checked but premises).  Sets bit
/// j of `held` for each which[j] whose premise held.  Out of line, so that every search
/// runs the same code for it.
bool broken_among(const Problem& pb, const std::size_t* which, std::size_t n,
                  const State<Concrete>& pre, const Log<Concrete>& log, const State<Concrete>& post,
                  bool broke, std::uint64_t& held);

/// Checks the invariants at positions `which` of pb.invariants over one step: whether one
/// broke.  Calls premise(j) for each which[j] whose premise held.
template <class F>
bool any_broken(const Problem& pb, const std::vector<std::size_t>& which,
                const State<Concrete>& pre, const Log<Concrete>& log, const State<Concrete>& post,
                F&& premise) {
  bool any = false;
  for (std::size_t at = 0; at < which.size(); at += 64) {
    std::uint64_t held = 0;
    std::size_t n = std::min<std::size_t>(64, which.size() - at);
    any = broken_among(pb, which.data() + at, n, pre, log, post, any, held);
    for (; held != 0; held &= held - 1)
      premise(at + static_cast<std::size_t>(std::countr_zero(held)));
  }
  return any;
}

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
