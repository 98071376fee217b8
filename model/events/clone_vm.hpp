#pragma once
// "clone_vm(t) with CLONE_VM, no CLONE_THREAD (vfork-like) | free slots | new process
// sharing the mm; MSR cleared, flag 0; fds copied"
// Kernel: copy_process() with CLONE_VM: copy_mm() shares the mm (mmget), copy_files()
// duplicates the fd table, fpu_clone() clears the PASID state.

#include "clone.hpp"

namespace pasid {

/// copy_files(): the child's fd table refers to the same open files.
template <class D>
void copy_fds(Step<D>& st, int t, int child_proc) {
  st.for_slot(st.b.processes, st.s.threads[t].proc, [&](int p) {
    for (int f = 0; f < st.b.files; ++f) st.s.procs[child_proc].fd[f] = st.s.procs[p].fd[f];
  });
}

struct CloneVm {
  static constexpr RuleInfo info{"clone_vm",
                                 "copy_process",
                                 "clone(CLONE_VM) without CLONE_THREAD: a process sharing the mm",
                                 {Param::thread, Param::new_thread, Param::new_proc},
                                 3};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return in_user(s, a.thread) && takes_slot(s, b, Param::new_thread, a.new_thread) &&
           takes_slot(s, b, Param::new_proc, a.new_proc);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto mm = mm_of(st.s, st.b, a.thread);
    st.for_slot(st.b.mms, mm, [&](int m) { st.s.mms[m].users = st.s.mms[m].users + 1; });
    st.s.procs[a.new_proc].mm = mm;
    copy_fds(st, a.thread, a.new_proc);
    new_task(st, a.thread, a.new_thread, D::num(a.new_proc), st.design.clone_copies_msr,
             ChildKind::vm, mm);
  }
};

}  // namespace pasid
