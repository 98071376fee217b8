#pragma once
// "mmap(t, d) — map the device's MMIO portal | process of t has an fd for d | mm gains a
// portal VMA for d"
// Kernel: idxd_cdev_mmap() (5.18: no check that the caller's mm is the binding mm; since
// 8dfa57aabff6 (2025) it returns -EPERM unless current->mm is the mm bound at open).
// The VMA holds a reference to the file; mapping the same file twice adds nothing new.

#include "../queries.hpp"
#include "../rule.hpp"

namespace pasid {

struct Mmap {
  static constexpr RuleInfo info{"mmap",
                                 "idxd_cdev_mmap",
                                 "map the device portal of an open fd",
                                 {Param::thread, Param::file},
                                 2};

  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design& z,
                                const Args<D>& a) {
    // Each query needs a live thread: concretely, && stops at the first false.
    return in_user(s, a.thread) && has_fd(s, b, a.thread, a.file) &&
           !maps_portal(s, b, a.thread, a.file) &&
           (z.mmap_binder_only ? s.files[a.file].mm == mm_of(s, b, a.thread) : D::truth(true));
  }

  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    st.for_slot(st.b.mms, mm_of(st.s, st.b, a.thread),
                [&](int m) { st.s.mms[m].portal[a.file] = D::truth(true); });
  }
};

}  // namespace pasid
