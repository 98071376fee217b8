#pragma once
// A kernel design: what a variant or a planted mutant does differently from 5.18.
//
// Rules read these flags as plain C++ bools, so a variant changes the rule text
// that runs, never the state layout.  The default-constructed Design is Linux 5.18
// with the 5.18-rc6 fix (2667ed10d9f0): the PASID is freed in __mmdrop.

#include <cstdint>

namespace pasid {

/// Where mm_pasid_drop() runs.
enum class FreeSite : std::uint8_t {
  mmdrop,       ///< __mmdrop, when mm_count reaches 0 (5.18-rc6 and later)
  mmput,        ///< __mmput, when mm_users reaches 0 (5.18 as merged, 2022-03-21)
  last_unbind,  ///< the mm's last unbind (mutant; the 2020 design's order)
  close,        ///< every close of a device fd (mutant)
};

inline constexpr int kFreeSites = 4;

struct Design {
  FreeSite pasid_free = FreeSite::mmdrop;
  bool clone_copies_msr = false;         ///< fpu_clone keeps the PASID xstate for threads
  bool fork_copies_msr = false;          ///< fpu_clone keeps the PASID xstate for fork children
  bool fork_inherits_pasid = false;      ///< mm_init copies mm->pasid instead of resetting it
  bool fixup_ignores_activated = false;  ///< the #GP fixup skips the pasid_activated test
  bool exec_keeps_msr = false;           ///< the FPU flush on exec keeps the PASID xstate
  bool alloc_ignores_owner = false;      ///< the allocator hands out a PASID in use
  /// idxd_cdev_mmap refuses a caller whose mm is not the one bound at open (8dfa57aabff6,
  /// "dmaengine: idxd: Fix allowing write() from different address spaces", 2025, also in
  /// the stable trees): a fork child cannot map the portal of an fd it inherited.
  bool mmap_binder_only = false;
  /// B4, the first fix proposed for B3 (April 2022, rejected): each bond also takes mmget,
  /// so a portal VMA of the mm keeps its own file, bond and mm_users alive: a cycle that
  /// keeps the PASID allocated after the process is gone.
  bool bonds_pin_users = false;
  /// The kernel's allocators (5.18: ioasid_alloc over an xarray; 6.x: an IDA) return the
  /// lowest free ID.  PASID values are interchangeable, so "any free value" reaches the
  /// same states up to renaming PASIDs; the SMT engines use it for the 20-bit range.
  bool alloc_any_free = false;
};

}  // namespace pasid
