#pragma once
// "open(t, d) — open + bind the device (iommu_sva_bind_device) | t alive | if mm(t).pasid
// INVALID: allocate a free PASID p, mm.pasid = p (allocation fails cleanly when none is
// free: open returns an error, nothing changes). Bond (d, mm) refcount++ (the first bond
// takes mmgrab: mm_count++), device PASID table[p] = mm. The process gains an fd for d.
// The threads' MSRs are NOT touched."
// Kernel: idxd_cdev_open() -> iommu_sva_bind_device() -> iommu_sva_alloc_pasid() (5.18).
// A failed allocation changes nothing, so it is not a step.

#include "../new_slot.hpp"
#include "../pasid_allocator.hpp"
#include "../rule.hpp"
#include "update_pasid.hpp"

namespace pasid {

struct Open {
  static constexpr RuleInfo info{"open",
                                 "iommu_sva_bind_device",
                                 "open an SVA device and bind the mm (allocating its PASID)",
                                 {Param::thread, Param::device, Param::new_file, Param::pasid},
                                 4};

  /// p is the lowest free PASID, as ida_alloc_range / xa_alloc return (over the small
  /// concrete pool; the SMT engines' 20-bit range takes Design::alloc_any_free).
  template <class D>
  static typename D::Bool lowest_free_pasid(const State<D>& s, const Bounds& b, typename D::Int p) {
    auto r = pasid_free(s, b, p);
    for (int q = 1; q <= b.pasids; ++q) r = r && implies(p > q, !pasid_free(s, b, D::num(q)));
    return r;
  }

  /// The PASID the bind ends up with is p: the mm's own, or a free one when it has none.
  template <class D>
  static typename D::Bool pasid_ok(const State<D>& s, const Bounds& b, const Design& z,
                                   const Args<D>& a) {
    auto own = mm_pasid(s, b, a.thread);
    auto may_take = z.alloc_ignores_owner ? D::truth(true)
                    : z.alloc_any_free    ? pasid_free(s, b, a.pasid)
                                          : lowest_free_pasid(s, b, a.pasid);
    return ite(own == kNoPasid, may_take && entry_fits(s, b, a.pasid, a.pasid_slot),
               a.pasid == own);
  }

  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design& z,
                                const Args<D>& a) {
    return in_user(s, a.thread) && takes_slot(s, b, Param::new_file, a.new_file) &&
           pasid_ok(s, b, z, a) && !(D::truth(z.lam_excludes_sva) && lam_on(s, b, a.thread));
  }

  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& s = st.s;
    st.for_slot(st.b.mms, mm_of(s, st.b, a.thread), [&](int m) {
      auto& mm = s.mms[m];
      st.when(mm.pasid == kNoPasid, [&] {
        allocate_pasid(st, a.pasid, a.pasid_slot, m);
        mm.pasid = a.pasid;
        if (st.design.pasid_by_ipi) push_pasid(st, m, a.pasid);  // design A's load_pasid()
      });
      if (st.design.pasid_free == FreeSite::last_unbind)  // ioasid_get() / the first reference
        mm.refs = ite(mm.refs < kMaxPasidRefs, mm.refs + 1, mm.refs);
      auto& bond = s.bonds[a.device][m];
      st.when(bond.users == 0, [&] {
        mm.count = mm.count + 1;                                 // mmgrab
        if (st.design.bonds_pin_users) mm.users = mm.users + 1;  // B4: mmget too
        bond.pasid = mm.pasid;
        bond.entry = D::truth(true);
      });
      bond.users = bond.users + 1;
      s.files[a.new_file] = {D::num(a.device), D::num(m)};
    });
    st.for_slot(st.b.processes, s.threads[a.thread].proc,
                [&](int p) { s.procs[p].fd[a.new_file] = D::truth(true); });
  }
};

}  // namespace pasid
