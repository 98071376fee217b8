#pragma once
// "no_use_after_free | an unbind, a device PASID table entry and a submission only ever
// name a PASID that is allocated to the mm they belong to"
// A submission belongs to the mm of the device entry it is delivered through.

#include "invariant.hpp"

namespace pasid {

struct NoUseAfterFree {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{
      "no_use_after_free",
      "unbinds, device table entries and submissions name only PASIDs their mm owns",
      "some unbind or submission happens"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>& pre, const Log<D>& log,
                                const State<D>& post) {
    auto owned = [](const auto& o) { return o.pasid != kNoPasid && o.seen == o.mm; };
    auto r = all_seen<D>(log, Seen::unbind, owned);
    r = r && all_seen<D>(log, Seen::submit, [&](const auto& o) {
          return implies(entry_exists(pre, b, o.dev, o.pasid),
                         o.seen == entry_mm(pre, b, o.dev, o.pasid));
        });
    for (int d = 0; d < b.devices; ++d)
      for (int m = 0; m < b.mms; ++m) {
        const auto& bond = post.bonds[d][m];
        r = r && implies(bond.entry, [&] { return owner_of(post, b, bond.pasid) == m; });
      }
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::unbind) || any_seen<D>(log, Seen::submit);
  }

 private:
  /// Whether device dev's PASID table has an entry for p.
  template <class D>
  static typename D::Bool entry_exists(const State<D>& s, const Bounds& b, typename D::Int dev,
                                       typename D::Int p) {
    return entry_mm(s, b, dev, p) != kNone;
  }
  /// The mm whose page tables device dev walks for PASID p, or kNone.
  template <class D>
  static typename D::Int entry_mm(const State<D>& s, const Bounds& b, typename D::Int dev,
                                  typename D::Int p) {
    return pick<D>(b.devices, dev, [&](int d) {
      auto r = D::num(kNone);
      for (int m = 0; m < b.mms; ++m) {
        const auto& bond = s.bonds[d][m];
        r = ite(bond.entry && bond.pasid == p, D::num(m), r);
      }
      return r;
    });
  }
};

}  // namespace pasid
