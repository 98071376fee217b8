#pragma once
// States over Z3 terms: fresh constants per field, equality, the type invariant, and the
// way between concrete and symbolic states.

#include <string>

#include "model/model.hpp"
#include "z3_domain.hpp"

namespace pasid::smt {

using SymState = State<Z3Domain>;

/// A state of fresh constants, one per live field design z writes, named "<field>@<tag>"
/// (or just "<field>" when the tag is empty).  A field z never writes (field_written) keeps
/// its initial value: a variable there would let the solver start from values no rule can
/// make (k-induction's step case did, in design A's fields of a 5.18 thread).
SymState fresh_state(const Bounds& b, const Design& z, const std::string& tag);
/// Every live field a fresh constant, written or not: PDR's Inv takes them all (with the
/// unwritten ones constant, Spacer gave up at the default bounds: "could not evaluate
/// Boolean in model").
SymState fresh_state(const Bounds& b, const std::string& tag);

/// The state's live field terms, in visit_fields order.
z3::expr_vector state_terms(const Bounds& b, const SymState& s);

/// a == b on every live field.
z3::expr same_state(const Bounds& b, const SymState& x, const SymState& y);

/// The type invariant: every field within its range, PASIDs within 0..2^20-1.
z3::expr type_ok(const Bounds& b, const SymState& s);

/// A concrete state as a symbolic one (table entry k holds PASID k+1, 0 when free).
SymState lift_state(const Bounds& b, const State<Concrete>& s);

}  // namespace pasid::smt
