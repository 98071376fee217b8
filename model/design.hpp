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
  /// Design A (2020, v5.10 to 5.12, 20f0afd1fb3d): load_pasid() stores mm.pasid and sends
  /// every thread of the mm an IPI running update_pasid(), which writes the MSR; the
  /// switch-in hook runs update_pasid() too; a thread inside fpregs_lock() may hold its
  /// registers in memory; nothing loads the MSR lazily.
  bool pasid_by_ipi = false;
  /// The #GP handler's try_fixup_enqcmd_gp() (fa6af69f38d3, 5.18); design A has none.
  bool gp_fixup = true;
  /// Design A with B2's order reversed (mutant): the last unbind clears the MSRs, waiting
  /// for its IPIs, before ioasid_free().  B1's lost update is left.
  bool revoke_before_free = false;
  /// B7 (e37d5a2d60a3, 6.18.7 and 6.19 until 06e14c36e20b, CVE-2026-23429): the unbind reads
  /// iommu_mm->sva_domains after iommu_domain_free(), whose mmdrop may have freed the mm.
  bool unbind_reads_mm_after_drop = false;
  /// B5 (intel svm after 4048377414162, about 5.13 to 5.15): every bind takes a PASID
  /// reference, but only the mm's last unbind puts one, so the PASID is never freed once
  /// two binds overlapped.
  bool single_pasid_put = false;
  /// Linear address masking (6.4 on): arch_prctl(ARCH_ENABLE_TAGGED_ADDR) turns it on for
  /// the mm; fork copies it (dup_lam), exec starts without it.
  bool has_lam = false;
  /// B9's rule (23e5d9ec2bab, 6.4): LAM and SVA exclude each other.  Enabling LAM fails
  /// (EBUSY) while the mm has a PASID, and a bind fails (EBUSY) while LAM is on, unless
  /// ARCH_FORCE_TAGGED_SVA, which the model leaves out, was set.
  bool lam_excludes_sva = false;
  bool operator==(const Design&) const = default;
};

}  // namespace pasid
