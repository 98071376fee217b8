#pragma once
// kernel-history.md section 4, FixupBounded: "<=1 fixup per task; no #GP livelock".
// pasid_activated is set by the fixup and never cleared, so a fixup on a task whose flag
// is already set is its second one.  Catches the mutant that skips the flag test.

#include "invariant.hpp"

namespace pasid {

struct FixupBounded {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{
      "fixup_bounded", "the #GP fixup loads a task's MSR at most once", "some #GP fixup happens"};
  template <class D>
  static typename D::Bool holds(const Bounds&, const State<D>&, const Log<D>& log,
                                const State<D>&) {
    return all_seen<D>(log, Seen::fixup, [](const auto& o) { return o.seen == 0; });
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::fixup);
  }
};

}  // namespace pasid
