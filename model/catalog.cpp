#include "catalog.hpp"

#include <array>

namespace pasid {

namespace {

const std::array kVariants{
    DesignChange{"v5.10",
                 "the 2020 design (v5.10 to 5.12, 20f0afd1fb3d): PASID freed at the last unbind "
                 "and pushed to the threads' MSRs by IPI; no #GP fixup (B1, B2)",
                 [](Design& d) {
                   d.pasid_free = FreeSite::last_unbind;
                   d.pasid_by_ipi = true;
                   d.gp_fixup = false;
                 }},
    DesignChange{"v5.18", "Linux 5.18 with the 5.18-rc6 fix 2667ed10d9f0: PASID freed in __mmdrop",
                 [](Design&) {}},
    DesignChange{"v5.18-merge", "Linux 5.18 as merged on 2022-03-21: PASID freed in __mmput (B3)",
                 [](Design& d) { d.pasid_free = FreeSite::mmput; }},
    DesignChange{"v6.x",
                 "Linux 6.8 to 6.19 (iommu_mm): PASID freed in __mmdrop, and idxd maps a portal "
                 "only for the mm bound at open (8dfa57aabff6)",
                 [](Design& d) {
                   d.mmap_binder_only = true;
                   d.has_lam = d.lam_excludes_sva = true;
                 }},
    DesignChange{"v6.19-early",
                 "Linux 6.18.7 to 6.18.19 and 6.19 to 6.19.9: v6.x with e37d5a2d60a3, whose unbind "
                 "reads iommu_mm after the domain's mmdrop (B7, CVE-2026-23429; fixed by "
                 "06e14c36e20b)",
                 [](Design& d) {
                   d.mmap_binder_only = true;
                   d.has_lam = d.lam_excludes_sva = true;
                   d.unbind_reads_mm_after_drop = true;
                 }},
};

const std::array kMutants{
    DesignChange{"free-on-last-unbind", "free the PASID at the mm's last unbind",
                 [](Design& d) { d.pasid_free = FreeSite::last_unbind; }},
    DesignChange{"free-at-close", "free the PASID at every close of a device fd",
                 [](Design& d) { d.pasid_free = FreeSite::close; }},
    DesignChange{"clone-copies-msr", "a clone child inherits the parent's PASID MSR",
                 [](Design& d) { d.clone_copies_msr = true; }},
    DesignChange{"fork-copies-msr", "a fork child inherits the parent's PASID MSR",
                 [](Design& d) { d.fork_copies_msr = true; }},
    DesignChange{"fork-inherits-pasid", "a fork child's mm inherits the parent's mm.pasid",
                 [](Design& d) { d.fork_inherits_pasid = true; }},
    DesignChange{"fixup-skips-activated", "the #GP fixup does not test pasid_activated",
                 [](Design& d) { d.fixup_ignores_activated = true; }},
    DesignChange{"exec-keeps-msr", "exec keeps the PASID MSR of the old image",
                 [](Design& d) { d.exec_keeps_msr = true; }},
    DesignChange{"alloc-in-use", "the allocator may hand out a PASID that is in use",
                 [](Design& d) { d.alloc_ignores_owner = true; }},
    DesignChange{"revoke-before-free",
                 "v5.10 with B2's order reversed: the last unbind clears the MSRs by IPI, and "
                 "waits, before it frees the PASID (B1 is left)",
                 [](Design& d) { d.revoke_before_free = true; }},
    DesignChange{"single-put",
                 "B5 (v5.10): every bind takes a PASID reference, only the mm's last unbind puts "
                 "one (intel svm, about 5.13 to 5.15)",
                 [](Design& d) { d.single_pasid_put = true; }},
    DesignChange{"lam-ignores-sva",
                 "B9 (v6.x): LAM and SVA without 23e5d9ec2bab's mutual exclusion",
                 [](Design& d) { d.lam_excludes_sva = false; }},
    DesignChange{"bond-pins-users",
                 "B4: each bond also takes mm_users (the rejected April 2022 fix for B3)",
                 [](Design& d) { d.bonds_pin_users = true; }},
};

}  // namespace

std::span<const DesignChange> variants() {
  return kVariants;
}
std::span<const DesignChange> mutants() {
  return kMutants;
}

const DesignChange* find_change(std::span<const DesignChange> list, std::string_view name) {
  for (const auto& c : list)
    if (name == c.name) return &c;
  return nullptr;
}

bool changes(const DesignChange& c, const Design& z) {
  Design after = z;
  c.apply(after);
  return !(after == z);
}

std::string changes_nothing(std::string_view m, std::string_view variant, bool after_mutants) {
  return "mutant \"" + std::string(m) + "\" changes nothing in " + std::string(variant) +
         (after_mutants ? " with the mutants before it" : "") +
         ": that design has it already, or lacks what it changes";
}

}  // namespace pasid
