#pragma once
// A counterexample as a sequence diagram in DOT: one lane per thread, process, mm, open
// file and device, and one for the PASID allocator; one row per step, with the event on
// the left, the fields it changed in the lanes they belong to, an arrow from the acting
// thread to every other lane it touched, and the broken invariants in red at the end.
// One deterministic function writing text: tested against saved .dot files.

#include <ostream>

#include "checker/engine.hpp"

namespace pasid {

/// Writes the counterexample as a DOT digraph.
void write_dot(std::ostream& out, const Problem& pb, const Counterexample& cex);

}  // namespace pasid
