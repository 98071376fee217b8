#pragma once
// Symmetry reduction: threads, processes, open files and mms are interchangeable slots
// (scalarsets), so a state and any renaming of its slots satisfy the same invariants and
// have renamed successors.  canonicalize() renames slots so that each sort is ordered by a
// signature that does not depend on slot names: states that differ only by slot names
// mostly collapse to one representative.  Ties are left in slot order, so the form is
// near-canonical: sound (it is always a renaming), not always the smallest orbit count.
// Devices and PASID values are not permuted.

#include "model/model.hpp"

namespace pasid {

/// Renames the slots of s into its representative.
void canonicalize(State<Concrete>& s, const Bounds& b);

}  // namespace pasid
