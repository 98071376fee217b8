#pragma once
// Design A: "context switch | switch_fpu_finish() -> update_pasid(): rewrites the incoming
// task's saved PASID to mm.pasid".  In 5.18 and later the MSR is part of the task's xstate
// and a switch does not change it, so only design A has this step.
// Kernel (v5.10): switch_fpu_finish(), arch/x86/include/asm/fpu/internal.h.  A task is not
// switched out inside fpregs_lock() (preemption is off there).

#include "update_pasid.hpp"

namespace pasid {

struct SwitchIn {
  static constexpr RuleInfo info{"switch_in",
                                 "switch_fpu_finish",
                                 "design A: a thread is switched in and its MSR set to mm.pasid",
                                 {Param::thread},
                                 1};
  /// Only a switch that changes something is a step.
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design& z,
                                const Args<D>& a) {
    if (!z.pasid_by_ipi) return D::truth(false);
    const auto& t = s.threads[a.thread];
    return t.alive && !t.fpregs && (t.ipi || t.msr_pasid != mm_pasid(s, b, a.thread));
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    update_pasid(st, a.thread);
  }
};

}  // namespace pasid
