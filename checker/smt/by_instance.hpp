#pragma once
// One step of the transition relation asked one rule instance at a time: a query over the
// whole relation at the default bounds ran for minutes where the instances, each far
// smaller, take seconds together.  Used by the proof of the candidate facts
// (lemma_proof.hpp) and by k-induction's step case at k = 1.

#include <z3++.h>

#include <functional>
#include <optional>
#include <vector>

#include "deadline.hpp"
#include "transition.hpp"

namespace pasid::smt {

/// What a step from x reaching a bad state means: a formula over x, its post-state and
/// what the step observed.
using BadStep = std::function<z3::expr(const SymState& post, const Log<Z3Domain>& log)>;
/// Told the model and the post-state of a step found to reach a bad state.
using OnBadStep = std::function<void(const z3::model& model, const SymState& post)>;

/// Whether one step from x, a state that keeps `assumed`, can be bad: unsat when no rule
/// instance's can; sat, after calling found() with the first such step, when one can;
/// unknown when Z3 cannot tell one by the deadline.  Asks one instance of each orbit
/// (orbit_key): the rules, the lemmas and the invariants treat thread, file and device
/// slots alike, so a step is bad exactly when a renamed step from the renamed state is.
/// An instance Z3 is slow on is split into cases (which mm its thread runs on, which
/// threads share its process).
z3::check_result any_bad_step(const Transition& t, const SymState& x, const z3::expr& assumed,
                              const BadStep& bad, const OnBadStep& found, const Deadline& deadline);

}  // namespace pasid::smt
