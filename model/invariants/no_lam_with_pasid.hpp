#pragma once
// kernel-history.md section 4 and B9, NoLamWithPasid: an mm never has linear address
// masking on and a PASID at once (the IOMMU would walk tagged addresses untranslated).

#include "invariant.hpp"

namespace pasid {

struct NoLamWithPasid {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{"no_lam_with_pasid", "no mm has LAM on and a PASID at once",
                                      "some mm has LAM on"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto r = D::truth(true);
    for (int m = 0; m < b.mms; ++m) r = r && !(s.mms[m].lam && s.mms[m].pasid != kNoPasid);
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int m = 0; m < b.mms; ++m) r = r || s.mms[m].lam;
    return r;
  }
};

}  // namespace pasid
