#pragma once
// The PASID allocator (design doc section 1): "set of allocated PASIDs, each with its
// owner mm; values 1 .. 2^20-1 (0 is reserved for DMA without PASID)".

#include "step.hpp"

namespace pasid {

/// The mm that owns PASID p, or kNone (also for p == kNoPasid).
template <class D>
typename D::Int owner_of(const State<D>& s, const Bounds& b, typename D::Int p) {
  auto own = [&](int k) { return s.alloc.owner[k]; };
  if constexpr (!D::kSymbolic) {
    if (p == kNoPasid) return D::num(kNone);
    return pick<D>(b.pasids, p - 1, own);
  } else {
    return ite(p == kNoPasid, D::num(kNone), pick<D>(b.pasids, p - 1, own));
  }
}

/// Whether PASID p is free to allocate.
template <class D>
typename D::Bool pasid_free(const State<D>& s, const Bounds& b, typename D::Int p) {
  return owner_of(s, b, p) == kNone;
}

/// ioasid_alloc / iommu_sva_alloc_pasid: p now belongs to mm m.
template <class D>
void allocate_pasid(Step<D>& st, typename D::Int p, int m) {
  st.for_slot(st.b.pasids, p - 1, [&](int k) { st.s.alloc.owner[k] = D::num(m); });
}

/// ioasid_free: p goes back to the pool.
template <class D>
void free_pasid(Step<D>& st, typename D::Int p) {
  st.for_slot(st.b.pasids, p - 1, [&](int k) { st.s.alloc.owner[k] = D::num(kNone); });
}

}  // namespace pasid
