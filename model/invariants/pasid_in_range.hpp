#pragma once
// "pasid_in_range | every allocated PASID is in 1 .. 2^20-1" (and, from kernel-history.md
// PasidRange, VALID is never written with 0).  Trivial for the explicit pool 1..k; it is
// the SMT engines, whose PASIDs are 20-bit values, that make it bite.

#include "invariant.hpp"

namespace pasid {

struct PasidInRange {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{
      "pasid_in_range", "every allocated PASID and every valid MSR value is in 1 .. 2^20-1",
      "some PASID is allocated"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto in_range = [](auto p) {
      if constexpr (D::kSymbolic)
        return p >= 1 && p <= kPasidMax;
      else
        return p >= 1;  // an int8 never exceeds 2^20-1
    };
    auto r = D::truth(true);
    for (int m = 0; m < b.mms; ++m)
      r = r && implies(s.mms[m].pasid != kNoPasid, in_range(s.mms[m].pasid));
    for (int t = 0; t < b.threads; ++t)
      r = r && implies(s.threads[t].msr_valid, in_range(s.threads[t].msr_pasid));
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int p = 0; p < b.pasids; ++p) r = r || s.alloc.owner[p] != kNone;
    return r;
  }
};

}  // namespace pasid
