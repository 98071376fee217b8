#pragma once
// "close(t, fd) ... when the last reference to the open file goes (fds are shared by
// fork), the driver unbinds (iommu_sva_unbind_device, using mm.pasid): bond refcount--,
// and at 0 the device PASID table[p] is cleared and the bond's mmdrop runs (mm_count--,
// which may free the mm and, since 5.18-rc6, its PASID)."
// Kernel: fput() -> idxd_cdev_release() -> iommu_sva_unbind_device() -> intel_svm_unbind(),
// which calls intel_svm_unbind_mm(sdev->dev, sdev->pasid): on x86 the bond is found by the
// PASID it recorded at bind, not by mm->pasid as the design doc says (that is ARM SMMUv3's
// path); the kernel source wins.  Portal VMAs hold file references too (kernel-history.md
// section 1), so release waits for the last munmap as well.

#include "mmdrop.hpp"
#include "update_pasid.hpp"

namespace pasid {
template <class D>
void mm_teardown(Step<D>& st, int m, bool put_files);  // mmput.hpp
}  // namespace pasid

namespace pasid {

/// iommu_sva_free_pasid(): one PASID reference of mm m goes.
template <class D>
void put_pasid_ref(Step<D>& st, int m) {
  auto& refs = st.s.mms[m].refs;
  refs = ite(refs > 0, refs - 1, refs);
}

/// The mm's last unbind in a design that frees the PASID there.  Design A's
/// intel_svm_unbind_mm() calls ioasid_free() first and load_pasid(mm, 0) after (B2).
template <class D>
void last_unbind(Step<D>& st, int m) {
  if (st.design.revoke_before_free) push_pasid(st, m, D::num(kNoPasid));
  mm_pasid_drop(st, m, FreeSite::last_unbind);
  if (st.design.pasid_by_ipi && !st.design.revoke_before_free) load_pasid(st, m);
}

/// iommu_sva_unbind_device(d, m): the bond is found by the PASID it recorded, which, in a
/// design that freed it early, may no longer be m's (B3: the unbind uses a freed PASID).
template <class D>
void unbind(Step<D>& st, int d, int m) {
  auto& s = st.s;
  auto& bond = s.bonds[d][m];
  auto p = bond.pasid;
  st.observe(Seen::unbind, 0, D::num(kNone), D::num(d), D::num(m), p, owner_of(s, st.b, p));
  bool refcounted = st.design.pasid_free == FreeSite::last_unbind;
  st.when(bond.users > 0, [&] {
    bond.users = bond.users - 1;
    if (refcounted && !st.design.single_pasid_put) put_pasid_ref(st, m);
    st.when(bond.users == 0, [&] {
      bond.entry = D::truth(false);
      bond.pasid = D::num(kNoPasid);
      if (refcounted && st.design.single_pasid_put)  // B5: one put, when the last bond goes
        st.when(live_bonds(s, st.b, m) == 0, [&] { put_pasid_ref(st, m); });
      if (refcounted) st.when(st.s.mms[m].refs == 0, [&] { last_unbind(st, m); });
      if (st.design.bonds_pin_users) {  // B4: the bond's mmput
        st.s.mms[m].users = st.s.mms[m].users - 1;
        // Not putting the files of m's portals again keeps the symbolic unfolding finite;
        // it matters only when an unbind's mmput tears down an mm with another device's
        // portal, which B4's counterexamples do not need.
        st.when(st.s.mms[m].users == 0, [&] { mm_teardown(st, m, false); });
      }
      // The unbind reads the mm's SVA data (iommu_mm->sva_domains) while the bond's
      // reference holds the mm, or, in B7, after dropping it.
      auto read_mm = [&] {
        st.observe(Seen::mm_read, 0, D::num(kNone), D::num(d), D::num(m), D::num(kNoPasid),
                   st.s.mms[m].count);
      };
      if (!st.design.unbind_reads_mm_after_drop) read_mm();
      mmdrop(st, m);  // the bond's mmgrab
      if (st.design.unbind_reads_mm_after_drop) read_mm();
    });
  });
}

/// fput: at the last reference the file is released and its device unbound.
template <class D>
void put_file(Step<D>& st, int f) {
  auto& file = st.s.files[f];
  st.when(!file_referenced(st.s, st.b, f), [&] {
    st.for_slot(st.b.devices, file.dev,
                [&](int d) { st.for_slot(st.b.mms, file.mm, [&](int m) { unbind(st, d, m); }); });
    file.dev = D::num(kNone);
    file.mm = D::num(kNone);
  });
}

}  // namespace pasid
