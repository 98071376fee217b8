#pragma once
// "mm_pasid_drop: if mm.pasid valid, free it to the allocator, mm.pasid INVALID."
// Kernel: mm_pasid_drop() (include/linux/sched/mm.h in 5.18).  Where it runs is the
// design's choice (Design::pasid_free); the site is logged for free_only_at_mm_exit.

#include "../pasid_allocator.hpp"
#include "../queries.hpp"

namespace pasid {

template <class D>
void mm_pasid_drop(Step<D>& st, int m, FreeSite site) {
  auto& mm = st.s.mms[m];
  st.when(mm.pasid != kNoPasid, [&] {
    auto none = D::num(kNone);
    st.observe(Seen::pasid_free, static_cast<int>(site), none, none, D::num(m), mm.pasid,
               live_bonds(st.s, st.b, m));
    free_pasid(st, mm.pasid);
    mm.pasid = D::num(kNoPasid);
  });
}

}  // namespace pasid
