#pragma once
// Symmetry reduction (threads, files and devices are among its scalarsets) also spares
// steps: where a state has two interchangeable slots of a sort, exchanging them leaves the
// state as it is and takes a step by one to a renaming of the step by the other, whose
// successor has the same representative and breaks the same invariants.  So of the
// instances that differ only in such a slot, the search fires the one with the lower slot.
//
// Each skipped instance has an exchange that takes it to an instance with a lower sum of
// thread, file and device slots; repeating that ends at an instance that is fired.  Slots
// are exchanged only where nothing else names them: a thread is named only by instance
// arguments; a file by processes' fds and mms' portals, which must then agree; a device by
// files and bonds, so two devices are exchanged only when no file names either.

#include <cstdint>

#include "instances.hpp"

namespace pasid {

static_assert(kMaxThreads <= 8 && kMaxFiles <= 8 && kMaxDevices <= 8);

/// The thread, file and device an instance with arguments `a` names, as one word: bit k
/// for thread k, 8 + k for file k, 16 + k for device k.  Computed once per instance, so
/// that the search tests an instance against a state's twins with one `and`.
inline std::uint32_t twin_slots(const Args<Concrete>& a) {
  auto bit = [](int slot, int at) { return slot >= 0 ? std::uint32_t{1} << (slot + at) : 0u; };
  return bit(a.thread, 0) | bit(a.file, 8) | bit(a.device, 16);
}

/// The slots of a state that an exchange with a lower slot of their sort leaves as it is:
/// bit k of `threads`, `files` or `devices` for slot k.
struct Twins {
  std::uint32_t threads = 0;
  std::uint32_t files = 0;
  std::uint32_t devices = 0;

  /// The three in twin_slots()'s layout.
  std::uint32_t slots() const { return threads | files << 8 | devices << 16; }
  /// Whether an instance with these arguments is a renaming of one with lower slots.
  bool skips(const Args<Concrete>& a) const { return (slots() & twin_slots(a)) != 0; }
};

/// The twins of s within bounds b.
Twins twins(const State<Concrete>& s, const Bounds& b);

}  // namespace pasid
