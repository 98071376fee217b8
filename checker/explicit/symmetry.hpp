#pragma once
// Symmetry reduction: threads, processes, open files, mms, devices and PASID values are
// interchangeable (scalarsets), so a state and any renaming of its slots satisfy the same
// invariants and have renamed successors.  canonicalize() renames slots so that each sort is
// ordered by a signature that does not depend on slot names: states that differ only by slot names
// mostly collapse to one representative.  Ties are left in slot order, so the form is
// near-canonical: sound (it is always a renaming), not always the smallest orbit count.
// The order: mms, then devices and PASID values (by the mms they belong to), then files,
// processes and threads, each sorted by keys over the sorts already renamed.

#include "model/model.hpp"

namespace pasid {

/// Renames the slots of s into its representative.
void canonicalize(State<Concrete>& s, const Bounds& b);

}  // namespace pasid
