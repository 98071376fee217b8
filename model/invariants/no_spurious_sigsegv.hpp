#pragma once
// "no_spurious_sigsegv | a thread whose mm has a valid PASID and a portal never gets
// SIGSEGV from ENQCMD"

#include "invariant.hpp"

namespace pasid {

struct NoSpuriousSigsegv {
  static constexpr bool kReadsLog = true;  // a step invariant: reads what the step observed
  static constexpr InvariantInfo info{
      "no_spurious_sigsegv", "ENQCMD through a portal never kills a thread whose mm has a PASID",
      "some ENQCMD gets SIGSEGV"};
  template <class D>
  static typename D::Bool holds(const Bounds&, const State<D>&, const Log<D>& log,
                                const State<D>&) {
    return all_seen<D>(log, Seen::sigsegv,
                       [](const auto& o) { return !(o.pasid != kNoPasid && o.seen != 0); });
  }
  template <class D>
  static typename D::Bool premise(const Bounds&, const State<D>&, const Log<D>& log,
                                  const State<D>&) {
    return any_seen<D>(log, Seen::sigsegv);
  }
};

}  // namespace pasid
