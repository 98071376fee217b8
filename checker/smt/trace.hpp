#pragma once
// From a solver's model of an unrolling to a counterexample of the explicit model.
//
// PASID values are renamed on the way: the PASID in allocator table entry k becomes k+1,
// the value the explicit model gives that entry.  PASIDs are only ever compared for
// equality (and range), so the renamed path is a path of the explicit model; replaying it
// there is the cross-check every SMT counterexample goes through before it is reported.

#include "unrolling.hpp"

namespace pasid::smt {

/// Whether a rule takes a PASID (a bind: the value it allocates is a step input).
bool has_pasid_param(int rule);

/// The instances of the first n steps of u under model m, PASIDs renamed.
/// Throws std::logic_error when the model does not describe a path of the model.
std::vector<Instance> decode_path(const Transition& t, const Unrolling& u, int n,
                                  const z3::model& m);

/// decode_path, replayed through the explicit model; the counterexample breaks what the
/// replay says its last step breaks.  Throws std::logic_error when the path does not
/// replay or its last step breaks nothing: an SMT counterexample that the explicit model
/// disowns is a bug, never a result.  Throws OutOfRange instead when the path takes a field
/// past its range, the one property the replay does not check.
Counterexample explicit_counterexample(const Transition& t, const Unrolling& u, int n,
                                       const z3::model& m);

}  // namespace pasid::smt
