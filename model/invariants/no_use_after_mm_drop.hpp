#pragma once
// kernel-history.md section 4 and B7, NoUseAfterMmDrop: the kernel reads an mm's SVA data
// (iommu_mm) only while it holds a reference to the mm (mm_count > 0); __mmdrop frees it.

#include "invariant.hpp"

namespace pasid {

struct NoUseAfterMmDrop {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{"no_use_after_mm_drop",
                                      "the kernel reads an mm's iommu_mm only while mm_count > 0",
                                      "some unbind reads an mm's iommu_mm"};
  template <class D>
  static typename D::Bool holds(const Bounds&, const State<D>&, const Log<D>& log,
                                const State<D>&) {
    return all_seen<D>(log, Seen::mm_read, [](const auto& o) { return o.seen > 0; });
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::mm_read);
  }
};

}  // namespace pasid
