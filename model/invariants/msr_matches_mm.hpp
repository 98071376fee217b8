#pragma once
// "msr_matches_mm | MSR(t) valid implies MSR(t).value = mm(t).pasid"
// kernel-history.md's MsrImpliesOwned reads "live or saved": in design A a thread inside
// fpregs_lock() holds a saved copy that it will load back, and that copy counts too.

#include "invariant.hpp"

namespace pasid {

struct MsrMatchesMm {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{
      "msr_matches_mm", "a valid MSR, live or saved, holds the PASID of the thread's mm",
      "some thread has a valid MSR"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto r = D::truth(true);
    for (int t = 0; t < b.threads; ++t) {
      const auto& th = s.threads[t];
      r = r &&
          implies(th.alive && th.msr_valid, [&] { return mm_pasid_of(s, b, t) == th.msr_pasid; });
      r = r && implies(th.alive && th.fpregs && th.xsave != kNoPasid,
                       [&] { return mm_pasid_of(s, b, t) == th.xsave; });
    }
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int t = 0; t < b.threads; ++t) r = r || (s.threads[t].alive && s.threads[t].msr_valid);
    return r;
  }

 private:
  template <class D>
  static typename D::Int mm_pasid_of(const State<D>& s, const Bounds& b, int t) {
    if constexpr (!D::kSymbolic)
      if (!s.threads[t].alive) return D::num(kNoPasid);
    return mm_pasid(s, b, t);
  }
};

}  // namespace pasid
