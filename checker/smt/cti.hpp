#pragma once
// k-induction's counterexample to induction, read from a model of its step case.

#include "checker/engine.hpp"
#include "unrolling.hpp"

namespace pasid::smt {

/// The k + 1 states and k steps of u under model m, and which invariants the last step
/// breaks.
InductionCti read_cti(const Transition& t, const Unrolling& u, int k, const z3::model& m);

}  // namespace pasid::smt
