#pragma once
// kernel-history.md B9 (23e5d9ec2bab, 6.4): "ARCH_ENABLE_TAGGED_ADDR fails with EBUSY if the
// mm has a PASID, and bind fails with EBUSY if LAM is on, unless ARCH_FORCE_TAGGED_SVA is
// set."  The call that fails changes nothing, so it is not a step.
// Kernel: prctl_enable_tagged_addr(), arch/x86/kernel/process_64.c (mm_valid_pasid() test);
// the bind's side is arch_pgtable_dma_compat() in iommu_sva_bind_device().  Not modelled:
// ARCH_FORCE_TAGGED_SVA, and MM_CONTEXT_LOCK_LAM, which refuses LAM once the process has
// had a second thread (the model lets any thread enable it: more behaviour, not less).

#include "../queries.hpp"
#include "../rule.hpp"

namespace pasid {

struct EnableLam {
  static constexpr RuleInfo info{"enable_lam",
                                 "prctl_enable_tagged_addr",
                                 "arch_prctl(ARCH_ENABLE_TAGGED_ADDR): LAM on for the mm (6.4 on)",
                                 {Param::thread},
                                 1};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design& z,
                                const Args<D>& a) {
    if (!z.has_lam) return D::truth(false);
    auto ok = in_user(s, a.thread) && !lam_on(s, b, a.thread);
    if (!z.lam_excludes_sva) return ok;
    return ok && mm_pasid(s, b, a.thread) == kNoPasid;
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    st.for_slot(st.b.mms, mm_of(st.s, st.b, a.thread),
                [&](int m) { st.s.mms[m].lam = D::truth(true); });
  }
};

}  // namespace pasid
