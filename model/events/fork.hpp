#pragma once
// "fork(t) | free slots | new process with a new mm (a copy of the VMAs; the idxd portal
// VMA is VM_DONTCOPY, so it is not copied), pasid INVALID (mm_init -> mm_init_pasid);
// fds copied (the copies keep the bond of the parent's mm); child MSR cleared, flag 0"
// Kernel: copy_process() -> dup_mm() -> mm_init() -> mm_pasid_init(); copy_files();
// fpu_clone(), kernel/fork.c.

#include "clone_vm.hpp"

namespace pasid {

/// mm_init(): a fresh mm with one user and no PASID or portal.
template <class D>
void new_mm(Step<D>& st, int m, typename D::Int pasid) {
  auto& mm = st.s.mms[m];
  mm.users = D::num(1);
  mm.count = D::num(1);
  mm.pasid = pasid;
  mm.refs = D::num(0);
  mm.lam = D::truth(false);
  for (int f = 0; f < st.b.files; ++f) mm.portal[f] = D::truth(false);
}

struct Fork {
  static constexpr RuleInfo info{"fork",
                                 "copy_process",
                                 "fork: a new process with a new mm",
                                 {Param::thread, Param::new_thread, Param::new_proc, Param::new_mm},
                                 4};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return in_user(s, a.thread) && takes_slot(s, b, Param::new_thread, a.new_thread) &&
           takes_slot(s, b, Param::new_proc, a.new_proc) &&
           takes_slot(s, b, Param::new_mm, a.new_mm);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto parent_pasid = mm_pasid(st.s, st.b, a.thread);
    new_mm(st, a.new_mm, st.design.fork_inherits_pasid ? parent_pasid : D::num(kNoPasid));
    st.s.mms[a.new_mm].lam = lam_on(st.s, st.b, a.thread);  // dup_lam()
    st.s.procs[a.new_proc].mm = D::num(a.new_mm);
    copy_fds(st, a.thread, a.new_proc);
    new_task(st, a.thread, a.new_thread, D::num(a.new_proc), st.design.fork_copies_msr,
             ChildKind::fork, D::num(a.new_mm));
  }
};

}  // namespace pasid
