#pragma once
// Symmetry reduction: threads, processes, open files, mms, devices and PASID values are
// interchangeable (scalarsets), so a state and any renaming of its slots satisfy the same
// invariants and have renamed successors.  canonicalize() renames slots so that each sort is
// ordered by a signature that does not depend on slot names: states that differ only by slot names
// mostly collapse to one representative.  Ties are left in slot order, so the form is
// near-canonical: sound (it is always a renaming), not always the smallest orbit count.
// Free mms and PASIDs keep their slots while something still names one (a stale MSR, a
// leaked PASID's owner): the next allocation takes the lowest free slot, so there which
// free slot is which matters.
// The order: mms, then devices and PASID values (by the mms they belong to), then files,
// processes and threads, each sorted by keys over the sorts already renamed.

#include <array>
#include <cstdint>

#include "instances.hpp"
#include "model/model.hpp"

namespace pasid {

/// A renaming of slots, one permutation per sort: to[sort][old] = new.  PASID values are
/// renamed through their entries: value p is entry p-1.
struct Renaming {
  enum Sort : unsigned { thread, process, mm, file, device, pasid, kSorts };
  std::array<std::array<std::int8_t, 8>, kSorts> to;
  bool operator==(const Renaming&) const = default;

  /// Every slot keeps its name.
  static Renaming identity();
  Renaming inverse() const;
  /// This renaming, then `next`.
  Renaming then(const Renaming& next) const;
  /// Slot i of sort k exchanged with slot j (after this renaming).
  void swap_after(Sort k, int i, int j);
};

/// The sort parameter p names, and the slot it names in `a` (PASID p: entry p-1).
Renaming::Sort sort_of(Param p);
int slot_of(const Args<Concrete>& a, Param p);

/// Renames the slots of s into its representative; returns the renaming applied.
Renaming canonicalize(State<Concrete>& s, const Bounds& b);

/// Applies renaming r to every slot of s and every reference to one.
void rename(State<Concrete>& s, const Bounds& b, const Renaming& r);

/// The instance r makes of `in`: its slot and PASID arguments renamed.
Instance rename(const Instance& in, const Renaming& r);

}  // namespace pasid
