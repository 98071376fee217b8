#pragma once
// "munmap(t, d) | portal mapped | the mm loses the portal VMA"
// Kernel: munmap() -> remove_vma() -> fput(): the VMA's file reference goes, and with it
// possibly the last one (then the device is unbound as at close).

#include "../rule.hpp"
#include "release.hpp"

namespace pasid {

struct Munmap {
  static constexpr RuleInfo info{
      "munmap", "remove_vma", "unmap a device portal", {Param::thread, Param::file}, 2};

  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return in_user(s, a.thread) && maps_portal(s, b, a.thread, a.file);
  }

  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    st.for_slot(st.b.mms, mm_of(st.s, st.b, a.thread),
                [&](int m) { st.s.mms[m].portal[a.file] = D::truth(false); });
    put_file(st, a.file);
  }
};

}  // namespace pasid
