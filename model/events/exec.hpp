#pragma once
// "exec(t) | t alive | all other threads of the process exit (de_thread); the process gets
// a new mm with pasid INVALID and no portals; the old mm loses a user; MSR reset to its
// init state (cleared) by the FPU flush on exec; pasid_activated is NOT reset (only
// dup_task_struct clears it: kernel-history.md B6) ... fds without close-on-exec stay"
// Kernel: begin_new_exec() -> de_thread(), exec_mmap() (mmput of the old mm),
// flush_thread() -> fpu_flush_thread(), fs/exec.c.  The model's fds have no close-on-exec.
// Verified: only dup_task_struct() in kernel/fork.c writes pasid_activated = 0.

#include "fork.hpp"
#include "thread_exit.hpp"

namespace pasid {

struct Exec {
  static constexpr RuleInfo info{"exec",
                                 "begin_new_exec",
                                 "execve: de_thread, a new mm, the MSR reset (the flag kept)",
                                 {Param::thread, Param::new_mm},
                                 2};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return in_user(s, a.thread) && takes_slot(s, b, Param::new_mm, a.new_mm);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& s = st.s;
    st.for_slot(st.b.processes, s.threads[a.thread].proc, [&](int p) {
      for (int j = 0; j < st.b.threads; ++j) {  // de_thread: the siblings exit
        if (j == a.thread) continue;
        st.when(in_process(s, j, p), [&] { do_exit(st, j); });
      }
      auto old_mm = s.procs[p].mm;
      new_mm(st, a.new_mm, D::num(kNoPasid));
      s.procs[p].mm = D::num(a.new_mm);
      st.for_slot(st.b.mms, old_mm, [&](int m) { mmput(st, m); });  // exec_mmap
    });
    if (!st.design.exec_keeps_msr) clear_msr(s.threads[a.thread]);  // fpu_flush_thread
  }
};

}  // namespace pasid
