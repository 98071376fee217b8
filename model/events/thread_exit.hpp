#pragma once
// "thread_exit(t) | t alive | in do_exit order: first exit_mm (mm_users--, and at 0 the
// address-space teardown below), then, if t was the last thread of its process,
// exit_files (every fd closed as close). The order matters: see section 3b."
// Kernel: do_exit() -> exit_mm() -> mmput(); ... exit_files() -> fput(), kernel/exit.c.

#include "../rule.hpp"
#include "mmput.hpp"

namespace pasid {

/// The task struct goes: its slot is free again.
template <class D>
void free_task(Thread<D>& t) {
  t.alive = D::truth(false);
  t.proc = D::num(kNone);
  clear_msr(t);
  t.activated = D::truth(false);
  t.waits = D::truth(false);
  t.fpregs = D::truth(false);
  t.xsave = D::num(kNoPasid);
}

/// exit_files: every fd of process p is closed.
template <class D>
void exit_files(Step<D>& st, int p) {
  auto& proc = st.s.procs[p];
  for (int f = 0; f < st.b.files; ++f) {
    st.when(proc.fd[f], [&] {
      proc.fd[f] = D::truth(false);
      put_file(st, f);
    });
  }
}

/// do_exit(t): exit_mm, then exit_files if t was the last thread of its group.
template <class D>
void do_exit(Step<D>& st, int t) {
  auto& s = st.s;
  st.for_slot(st.b.processes, s.threads[t].proc, [&](int p) {
    st.for_slot(st.b.mms, s.procs[p].mm, [&](int m) { mmput(st, m); });
    free_task(s.threads[t]);
    st.when(!process_alive(s, st.b, p), [&] {
      exit_files(st, p);
      s.procs[p].mm = D::num(kNone);
    });
  });
}

struct ThreadExit {
  static constexpr RuleInfo info{
      "thread_exit", "do_exit", "a thread exits: exit_mm, then exit_files", {Param::thread}, 1};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds&, const Design&, const Args<D>& a) {
    return in_user(s, a.thread);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    do_exit(st, a.thread);
  }
};

}  // namespace pasid
