#pragma once
// "mm free (__mmdrop) | mm_count reaches 0 (no users and no bonds left) | since commit
// 2667ed10d9f0 (5.18-rc6): mm_pasid_drop: if mm.pasid valid, free it to the allocator,
// mm.pasid INVALID. mm dead."
// Kernel: mmdrop() / __mmdrop() in kernel/fork.c.

#include "mm_pasid_drop.hpp"

namespace pasid {

/// __mmdrop: the struct is freed; its slot is free again.
template <class D>
void mm_free(Step<D>& st, int m) {
  if (st.design.pasid_free == FreeSite::mmdrop) mm_pasid_drop(st, m, FreeSite::mmdrop);
  // In designs that freed the PASID elsewhere it is already gone, or leaked: a leaked
  // PASID keeps this slot as its owner in the allocator.
  st.s.mms[m].pasid = D::num(kNoPasid);
  st.s.mms[m].refs = D::num(0);  // a leaked reference goes with the struct
  st.s.mms[m].lam = D::truth(false);
}

/// mmdrop: mm_count--, and __mmdrop at 0.
template <class D>
void mmdrop(Step<D>& st, int m) {
  auto& mm = st.s.mms[m];
  mm.count = mm.count - 1;
  st.when(mm.count == 0, [&] { mm_free(st, m); });
}

}  // namespace pasid
