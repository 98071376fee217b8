#pragma once
// "address-space teardown (__mmput) | mm_users reaches 0 | portals unmapped; the IOMMU's
// mm notifier release stops the device walking this mm (its PASID table entries for this
// mm are torn down); mm_count--. In the design as merged on 2022-03-21 mm_pasid_drop ran
// here (section 3b)."
// Kernel: mmput() / __mmput() -> exit_mmap() (mmu_notifier_release first, then the VMAs,
// whose fput is deferred) -> mmdrop(), kernel/fork.c.

#include <array>

#include "release.hpp"

namespace pasid {

/// __mmput: the address space goes; the struct stays while bonds hold mm_count.
template <class D>
void mm_teardown(Step<D>& st, int m, bool put_files) {
  auto& mm = st.s.mms[m];
  for (int d = 0; d < st.b.devices; ++d) st.s.bonds[d][m].entry = D::truth(false);
  std::array<typename D::Bool, kMaxFiles> unmapped{};
  for (int f = 0; f < st.b.files; ++f) {
    unmapped[f] = mm.portal[f];
    mm.portal[f] = D::truth(false);
  }
  if (st.design.pasid_free == FreeSite::mmput) mm_pasid_drop(st, m, FreeSite::mmput);
  mmdrop(st, m);  // the reference all users shared
  if (put_files)
    for (int f = 0; f < st.b.files; ++f) st.when(unmapped[f], [&] { put_file(st, f); });
}

/// mmput: mm_users--, and __mmput at 0.
template <class D>
void mmput(Step<D>& st, int m) {
  auto& mm = st.s.mms[m];
  mm.users = mm.users - 1;
  st.when(mm.users == 0, [&] { mm_teardown(st, m, true); });
}

}  // namespace pasid
