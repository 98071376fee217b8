#pragma once
// "clone(t) with CLONE_VM + CLONE_THREAD — new thread | free thread slot | child shares mm
// (users++) and process; child MSR cleared (children never inherit PASID xstate:
// fpu_clone), pasid_activated = 0"
// Kernel: copy_process() -> dup_task_struct() (pasid_activated = 0), copy_mm() (mmget),
// fpu_clone() (PASID state cleared), kernel/fork.c and arch/x86/kernel/fpu/core.c.

#include "../new_slot.hpp"
#include "../queries.hpp"
#include "../rule.hpp"
#include "update_pasid.hpp"

namespace pasid {

/// The child task of thread t in slot c: fresh flag, MSR cleared unless the design copies it.
template <class D>
void new_task(Step<D>& st, int t, int c, typename D::Int proc, bool copy_msr, ChildKind kind,
              typename D::Int mm) {
  auto& child = st.s.threads[c];
  const auto& parent = st.s.threads[t];
  child.alive = D::truth(true);
  child.proc = proc;
  child.msr_valid = copy_msr ? parent.msr_valid : D::truth(false);
  child.msr_pasid = copy_msr ? parent.msr_pasid : D::num(kNoPasid);
  child.activated = D::truth(false);
  // Design A: the child copies the parent's registers, and its first switch-in, before any
  // user code, runs update_pasid() (switch_fpu_finish): it reaches user mode with mm.pasid.
  if (st.design.pasid_by_ipi) write_pasid_msr(child, mm_pasid(st.s, st.b, c));
  st.observe(Seen::child, static_cast<int>(kind), D::num(c), D::num(kNone), mm, D::num(kNoPasid),
             D::num(0));
}

struct Clone {
  static constexpr RuleInfo info{"clone",
                                 "copy_process",
                                 "clone(CLONE_VM|CLONE_THREAD): a new thread",
                                 {Param::thread, Param::new_thread},
                                 2};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return in_user(s, a.thread) && takes_slot(s, b, Param::new_thread, a.new_thread);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto mm = mm_of(st.s, st.b, a.thread);
    st.for_slot(st.b.mms, mm, [&](int m) { st.s.mms[m].users = st.s.mms[m].users + 1; });
    new_task(st, a.thread, a.new_thread, st.s.threads[a.thread].proc, st.design.clone_copies_msr,
             ChildKind::thread, mm);
  }
};

}  // namespace pasid
