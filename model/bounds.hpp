#pragma once
// How many slots of each object the model has: the spec's bounds.

namespace pasid {

/// Compile-time ceilings; a spec asking for more is rejected.
inline constexpr int kMaxThreads = 8;
inline constexpr int kMaxProcesses = 8;
inline constexpr int kMaxMms = 8;
inline constexpr int kMaxDevices = 4;
inline constexpr int kMaxFiles = 8;
inline constexpr int kMaxPasids = 8;
/// PASID references saturate here: above the most binds an mm can hold (one per file),
/// while B5 leaks one per cycle of binds, without end.
inline constexpr int kMaxPasidRefs = 15;

/// The highest PASID value the hardware accepts: PASIDs are 20 bits, 0 is reserved.
inline constexpr int kPasidMax = (1 << 20) - 1;

/// Live slot counts.  PASID values run 1..pasids; 0 means "no PASID"
/// (the kernel's INVALID, -1, which it never allocates either).
struct Bounds {
  int threads = 3;
  int processes = 2;
  int mms = 2;
  int devices = 1;
  int files = 2;
  int pasids = 2;
  bool operator==(const Bounds&) const = default;
};

}  // namespace pasid
