#pragma once
// "unique_owner | no PASID has two owners; mm.pasid = p valid implies the allocator has
// p owned by mm" (and, from kernel-history.md UniqueOwner, each live mm owns at most one).

#include "invariant.hpp"

namespace pasid {

struct UniqueOwner {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{
      "unique_owner", "a live mm's PASID is owned by that mm, and an mm owns no other PASID",
      "some mm has a PASID"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto r = D::truth(true);
    for (int m = 0; m < b.mms; ++m) {
      const auto& mm = s.mms[m];
      r = r && implies(mm.count > 0, [&] {
            auto own = implies(mm.pasid != kNoPasid, [&] { return owner_of(s, b, mm.pasid) == m; });
            for (int k = 0; k < b.pasids; ++k)
              own = own && implies(s.alloc.owner[k] == m, mm.pasid == entry_pasid(s, k));
            return own;
          });
    }
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int m = 0; m < b.mms; ++m) r = r || s.mms[m].pasid != kNoPasid;
    return r;
  }
};

}  // namespace pasid
