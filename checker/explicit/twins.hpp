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

/// The slots of a state that an exchange with a lower slot of their sort leaves as it is:
/// bit k of `threads`, `files` or `devices` for slot k.
struct Twins {
  std::uint32_t threads = 0;
  std::uint32_t files = 0;
  std::uint32_t devices = 0;

  /// Whether an instance with these arguments is a renaming of one with lower slots.
  bool skips(const Args<Concrete>& a) const {
    auto has = [](std::uint32_t bits, int slot) { return slot >= 0 && ((bits >> slot) & 1); };
    return has(threads, a.thread) || has(files, a.file) || has(devices, a.device);
  }
};

/// The twins of s within bounds b.
Twins twins(const State<Concrete>& s, const Bounds& b);

}  // namespace pasid
