#pragma once
// "close(t, fd) | fd open | drop the fd; when the last reference to the open file goes
// (fds are shared by fork), the driver unbinds ... While a process lives, close leaves the
// PASID allocated to the mm. MSRs untouched."
// Kernel: close_fd() -> fput() -> idxd_cdev_release().

#include "../rule.hpp"
#include "release.hpp"

namespace pasid {

struct Close {
  static constexpr RuleInfo info{"close",
                                 "close_fd",
                                 "close a device fd (unbinding at the last reference)",
                                 {Param::thread, Param::file},
                                 2};

  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return in_user(s, a.thread) && has_fd(s, b, a.thread, a.file);
  }

  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& s = st.s;
    st.for_slot(st.b.processes, s.threads[a.thread].proc,
                [&](int p) { s.procs[p].fd[a.file] = D::truth(false); });
    if (st.design.pasid_free == FreeSite::close)
      st.for_slot(st.b.mms, mm_of(s, st.b, a.thread),
                  [&](int m) { mm_pasid_drop(st, m, FreeSite::close); });
    put_file(st, a.file);
  }
};

}  // namespace pasid
