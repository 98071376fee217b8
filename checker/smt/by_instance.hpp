#pragma once
// One step of the transition relation asked one rule instance at a time: a query over the
// whole relation at the default bounds ran for minutes where the instances, each far
// smaller, take seconds together.  Used by the proof of the candidate facts
// (lemma_proof.hpp) and by k-induction's step case at k = 1.

#include <z3++.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "deadline.hpp"
#include "transition.hpp"

namespace pasid::smt {

/// A question asked of every step: can a step from a state x that keeps `assumed(x)` be
/// `bad`?  Its terms are built in the context of the thread that asks (z3_context()), each
/// thread with its own x.
struct StepQuestion {
  std::string tag;  ///< x's fields are "<field>@<tag>"
  std::function<z3::expr(const SymState& x)> assumed;
  std::function<z3::expr(const SymState& x, const SymState& post, const Log<Z3Domain>& log)> bad;
  /// Told the model and the post-state of the bad step found (by bad_instances: of each
  /// instance's), once, on the thread that found it and in its context.
  std::function<void(const z3::model& model, const SymState& post)> found;
  /// How much work (Z3's resource units) a case is given before it is split into two:
  /// about half a second on the development machine.  A count, not a time, so that which
  /// cases are split, and so the time the whole question takes, does not depend on how
  /// busy the machine is (with 0.5 s the same lemma proof took 22 to 53 s).
  unsigned try_work = 2'000'000;
};

/// The step case of induction: from a state that keeps the state invariants and the
/// `lemmas` (facts of every reachable state), a step into a state that keeps the lemmas
/// and breaks an invariant.  Its `found` does nothing.
StepQuestion induction_step(const Transition& t, Candidates lemmas);

/// One instance of each orbit of renamings (orbit_key), in the instances' order.
std::vector<std::size_t> one_per_orbit(const Transition& t);

/// Whether a step the question asks about can be bad: unsat when no rule instance's can;
/// sat, after calling q.found() with one such step, when one can; unknown when Z3 cannot
/// tell one by the deadline.  Asks one instance of each orbit (orbit_key): the rules, the
/// lemmas and the invariants treat thread, file and device slots alike, so a step is bad
/// exactly when a renamed step from the renamed state is.  An instance Z3 is slow on is
/// split into cases (which mm its thread runs on, which threads share its process).  The
/// instances are shared out among `threads` threads, each with its own Z3 context; the
/// first bad step found stops the others.  Which bad step is found may depend on the
/// threads, whether there is one does not.
z3::check_result any_bad_step(const Transition& t, const StepQuestion& q, const Deadline& deadline,
                              int threads);

/// The instances, one per orbit (in the instances' order), whose step the question asks
/// about can be bad: asked as any_bad_step asks, but a bad step found ends only the asking
/// about its own instance (q.found() is told each).  None when Z3 cannot tell one by the
/// deadline.
std::optional<std::vector<std::size_t>> bad_instances(const Transition& t, const StepQuestion& q,
                                                      const Deadline& deadline, int threads);

}  // namespace pasid::smt
