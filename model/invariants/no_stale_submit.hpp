#pragma once
// "no_stale_submit | every successful ENQCMD by thread t carries PASID p with p allocated
// and owned by mm(t)"

#include "invariant.hpp"

namespace pasid {

struct NoStaleSubmit {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{
      "no_stale_submit",
      "every ENQCMD that reaches a device carries a PASID owned by the thread's mm",
      "some ENQCMD submits"};
  template <class D>
  static typename D::Bool holds(const Bounds&, const State<D>&, const Log<D>& log,
                                const State<D>&) {
    return all_seen<D>(log, Seen::submit,
                       [](const auto& o) { return o.pasid != kNoPasid && o.seen == o.mm; });
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::submit);
  }
};

}  // namespace pasid
