#pragma once
// "fresh_child | a task created by fork or clone starts with the MSR cleared and
// pasid_activated = 0; a fork child's mm has no PASID"

#include "invariant.hpp"

namespace pasid {

struct FreshChild {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{
      "fresh_child",
      "a new task starts with the MSR clear and the flag 0; a fork child's mm has no PASID",
      "some task is created"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>& log,
                                const State<D>& s) {
    return all_seen<D>(log, Seen::child, [&](const auto& o) {
      auto clean = pick<D>(b.threads, o.thread, [&](int t) {
        return !s.threads[t].msr_valid && !s.threads[t].activated;
      });
      if (o.site != static_cast<int>(ChildKind::fork)) return clean;
      return clean && pick<D>(b.mms, o.mm, [&](int m) { return s.mms[m].pasid == kNoPasid; });
    });
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::child);
  }
};

}  // namespace pasid
