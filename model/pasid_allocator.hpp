#pragma once
// The PASID allocator (design doc section 1): "set of allocated PASIDs, each with its
// owner mm; values 1 .. 2^20-1 (0 is reserved for DMA without PASID)".
//
// Concretely PASID p lives in table entry p-1, so every operation is one index.
// Symbolically an entry holds any 20-bit value, and an operation on PASID p is a case
// split over the entries that hold it.

#include "step.hpp"

namespace pasid {

/// The PASID table entry k holds (meaningful while the entry is in use).
template <class D>
typename D::Int entry_pasid(const State<D>& s, int k) {
  if constexpr (!D::kSymbolic)
    return D::num(k + 1);
  else
    return s.alloc.value[k];
}

/// The mm that owns PASID p, or kNone (also for p == kNoPasid).
template <class D>
typename D::Int owner_of(const State<D>& s, const Bounds& b, typename D::Int p) {
  if constexpr (!D::kSymbolic) {
    if (p == kNoPasid) return D::num(kNone);
    return pick<D>(b.pasids, p - 1, [&](int k) { return s.alloc.owner[k]; });
  } else {
    auto r = D::num(kNone);
    for (int k = 0; k < b.pasids; ++k)
      r = ite(s.alloc.owner[k] != kNone && s.alloc.value[k] == p, s.alloc.owner[k], r);
    return ite(p == kNoPasid, D::num(kNone), r);
  }
}

/// Whether PASID p is free to allocate.
template <class D>
typename D::Bool pasid_free(const State<D>& s, const Bounds& b, typename D::Int p) {
  return owner_of(s, b, p) == kNone;
}

/// Whether allocating PASID p may use table entry `slot`: a value in range, and the entry
/// free (or, where a design hands out a PASID in use, the entry already holding p).
/// Concretely always true: instances only name PASIDs 1..pasids, and p's entry is p-1.
template <class D>
typename D::Bool entry_fits(const State<D>& s, const Bounds& b, typename D::Int p, int slot) {
  if constexpr (!D::kSymbolic) {
    return D::truth(true);
  } else {
    if (slot < 0 || slot >= b.pasids) return D::truth(false);
    const auto& own = s.alloc.owner[slot];
    return p >= 1 && p <= kPasidMax &&
           ite(pasid_free(s, b, p), own == kNone, own != kNone && s.alloc.value[slot] == p);
  }
}

/// ioasid_alloc / iommu_sva_alloc_pasid: p now belongs to mm m (symbolically p goes into
/// table entry `slot`, which entry_fits allowed).
template <class D>
void allocate_pasid(Step<D>& st, typename D::Int p, int slot, int m) {
  if constexpr (!D::kSymbolic) {
    (void)slot;
    st.for_slot(st.b.pasids, p - 1, [&](int k) { st.s.alloc.owner[k] = D::num(m); });
  } else {
    st.s.alloc.owner[slot] = D::num(m);
    st.s.alloc.value[slot] = p;
  }
}

/// ioasid_free: p goes back to the pool.
template <class D>
void free_pasid(Step<D>& st, typename D::Int p) {
  if constexpr (!D::kSymbolic) {
    st.for_slot(st.b.pasids, p - 1, [&](int k) { st.s.alloc.owner[k] = D::num(kNone); });
  } else {
    auto& a = st.s.alloc;
    for (int k = 0; k < st.b.pasids; ++k)
      st.when(a.owner[k] != kNone && a.value[k] == p, [&] {
        a.owner[k] = D::num(kNone);
        a.value[k] = D::num(0);
      });
  }
}

}  // namespace pasid
