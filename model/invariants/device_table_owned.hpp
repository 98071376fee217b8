#pragma once
// "device_table_owned | device PASID table[p] = mm, or a bond of mm recording p, implies p
// is allocated to mm and mm is not freed (no DMA or unbind through a freed or reassigned
// PASID)"

#include "invariant.hpp"

namespace pasid {

struct DeviceTableOwned {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{
      "device_table_owned",
      "a device table entry or bond naming p belongs to a live mm that owns p",
      "some device is bound"};
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto r = D::truth(true);
    for (int d = 0; d < b.devices; ++d)
      for (int m = 0; m < b.mms; ++m) {
        const auto& bond = s.bonds[d][m];
        r = r && implies(bond.entry || bond.users > 0, [&] {
              return bond.pasid != kNoPasid && owner_of(s, b, bond.pasid) == m &&
                     s.mms[m].count > 0;
            });
      }
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int d = 0; d < b.devices; ++d)
      for (int m = 0; m < b.mms; ++m) r = r || s.bonds[d][m].users > 0;
    return r;
  }
};

}  // namespace pasid
