#pragma once
// kernel-history.md section 4 and B5, AllocRefsMatchBonds: where a design counts PASID
// references (it frees the PASID when they reach 0), an mm's PASID has one reference per
// bind still in place.  Designs that do not count them keep 0.

#include "invariant.hpp"

namespace pasid {

struct PasidRefsMatchBinds {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{"pasid_refs_match_binds",
                                      "an mm's PASID references, where counted, equal its binds",
                                      "some mm's PASID has references"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto r = D::truth(true);
    for (int m = 0; m < b.mms; ++m) {
      const auto& refs = s.mms[m].refs;
      r = r && (refs == 0 || refs == mm_binds(s, b, m));
    }
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int m = 0; m < b.mms; ++m) r = r || s.mms[m].refs > 0;
    return r;
  }
};

}  // namespace pasid
