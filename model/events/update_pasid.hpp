#pragma once
// Design A (20f0afd1fb3d, v5.10 to 5.12): "load_pasid(mm, p): store mm.pasid, IPI CPUs in
// mm_cpumask running update_pasid()", which writes mm.pasid (VALID when not 0) to the MSR
// when the registers are live (TIF_NEED_FPU_LOAD clear), else to the saved xstate.
// Kernel (v5.10): load_pasid() in drivers/iommu/intel/svm.c, update_pasid() in
// arch/x86/kernel/fpu/xstate.c.  on_each_cpu_mask(..., wait = 1) runs the function on the
// caller's CPU itself and waits for the others; each remote delivery is its own step.

#include "../queries.hpp"
#include "../rule.hpp"

namespace pasid {

/// The MSR takes pasid, valid when it is not 0 (design A never writes VALID with 0).
template <class D>
void load_msr(Thread<D>& t, typename D::Int pasid) {
  t.msr_valid = pasid != kNoPasid;
  t.msr_pasid = pasid;
}

/// update_pasid()'s write on thread t, which makes any IPI on its way moot.  Inside an
/// fpregs_lock() region the registers still look live, so the write goes to them and the
/// region's restore from memory undoes it (B1).
template <class D>
void write_pasid_msr(Thread<D>& t, typename D::Int pasid) {
  load_msr(t, pasid);
  t.ipi = D::truth(false);
}

/// update_pasid() run on thread t: its mm's PASID into its MSR.
template <class D>
void update_pasid(Step<D>& st, int t) {
  write_pasid_msr(st.s.threads[t], mm_pasid(st.s, st.b, t));
}

/// write_pasid_msr() where `here` holds (a merge of three fields, cheaper than Step::when).
template <class D>
void write_pasid_msr_if(Thread<D>& t, typename D::Bool here, typename D::Int pasid) {
  t.msr_valid = ite(here, pasid != kNoPasid, t.msr_valid);
  t.msr_pasid = ite(here, pasid, t.msr_pasid);
  t.ipi = t.ipi && !here;
}

/// load_pasid(m, m.pasid) at the unbind: the actor's own CPU updates it at once, every
/// other thread of m gets an IPI, and the actor waits until they have all run it.
template <class D>
void load_pasid(Step<D>& st, int m) {
  auto& s = st.s;
  auto pasid = s.mms[m].pasid;
  auto sent = D::truth(false);
  for (int j = 0; j < st.b.threads; ++j) {
    auto here = runs_on(s, st.b, j, m);
    if (j == st.actor) {
      write_pasid_msr_if(s.threads[j], here, pasid);
    } else {
      s.threads[j].ipi = s.threads[j].ipi || here;
      sent = sent || here;
    }
  }
  if (st.actor == kNone) return;
  auto& me = s.threads[st.actor];
  me.waits = me.waits || (me.alive && sent);
}

/// load_pasid(m, pasid) with every IPI delivered at once.  The bind does this: the new fd
/// is installed only after idxd_cdev_open() returns, so no thread can use it before every
/// IPI has landed, and a thread of m that submits through an older portal meanwhile gets
/// the SIGSEGV it got a moment earlier, when m had no PASID at all.  The mutant
/// revoke_before_free does it too: its unbind waits for the IPIs before the free.
template <class D>
void push_pasid(Step<D>& st, int m, typename D::Int pasid) {
  for (int j = 0; j < st.b.threads; ++j)
    write_pasid_msr_if(st.s.threads[j], runs_on(st.s, st.b, j, m), pasid);
}

/// A load_pasid() caller returns once no IPI is on its way.
template <class D>
void settle_waits(Step<D>& st) {
  auto pending = D::truth(false);
  for (int j = 0; j < st.b.threads; ++j) pending = pending || st.s.threads[j].ipi;
  for (int j = 0; j < st.b.threads; ++j) st.s.threads[j].waits = st.s.threads[j].waits && pending;
}

struct UpdatePasid {
  static constexpr RuleInfo info{"update_pasid",
                                 "update_pasid",
                                 "design A: load_pasid()'s IPI reaches a thread: MSR = mm.pasid",
                                 {Param::thread},
                                 1};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds&, const Design& z,
                                const Args<D>& a) {
    if (!z.pasid_by_ipi) return D::truth(false);
    return s.threads[a.thread].alive && s.threads[a.thread].ipi;
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    update_pasid(st, a.thread);
  }
};

}  // namespace pasid
