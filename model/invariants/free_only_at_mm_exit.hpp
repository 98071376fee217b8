#pragma once
// "free_only_at_mm_exit | a PASID leaves the allocator only when its owner mm is freed
// (__mmdrop) with no bond left"

#include "invariant.hpp"

namespace pasid {

struct FreeOnlyAtMmExit {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{
      "free_only_at_mm_exit", "a PASID is freed only in __mmdrop, with no bond of its mm left",
      "some PASID is freed"};
  template <class D>
  static typename D::Bool holds(const Bounds&, const State<D>&, const Log<D>& log,
                                const State<D>&) {
    return all_seen<D>(log, Seen::pasid_free, [](const auto& o) {
      return D::truth(o.site == static_cast<int>(FreeSite::mmdrop)) && o.seen == 0;
    });
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::pasid_free);
  }
};

}  // namespace pasid
