#pragma once
// Design A, B1 (9bfecd058339): "the IPI can land inside an fpregs_lock() region, which only
// disables BH with IRQs still on, while that code is changing FPU state": the code has
// saved the registers (MSR included) to memory and will load them back, so an
// update_pasid() that runs in between writes the registers and is lost.
// Kernel (v5.10): fpregs_lock() / fpregs_unlock() around copy_fpregs_to_fpstate() and
// copy_kernel_to_fpregs(), arch/x86/kernel/fpu/.  Only design A has IPIs to lose, so the
// other designs have no such step.

#include "../queries.hpp"
#include "../rule.hpp"
#include "update_pasid.hpp"

namespace pasid {

struct FpregsLock {
  static constexpr RuleInfo info{"fpregs_lock",
                                 "fpregs_lock",
                                 "design A: the kernel saves a thread's registers to memory",
                                 {Param::thread},
                                 1};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds&, const Design& z,
                                const Args<D>& a) {
    if (!z.pasid_by_ipi) return D::truth(false);
    return in_user(s, a.thread);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& t = st.s.threads[a.thread];
    t.fpregs = D::truth(true);
    t.xsave = ite(t.msr_valid, t.msr_pasid, D::num(kNoPasid));
  }
};

struct FpregsUnlock {
  static constexpr RuleInfo info{"fpregs_unlock",
                                 "fpregs_unlock",
                                 "design A: the registers are loaded back from memory",
                                 {Param::thread},
                                 1};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds&, const Design& z,
                                const Args<D>& a) {
    if (!z.pasid_by_ipi) return D::truth(false);
    return s.threads[a.thread].alive && s.threads[a.thread].fpregs;
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& t = st.s.threads[a.thread];
    load_msr(t, t.xsave);  // an IPI still on its way stays so
    t.fpregs = D::truth(false);
    t.xsave = D::num(kNoPasid);
  }
};

}  // namespace pasid
