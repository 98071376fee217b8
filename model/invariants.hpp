#pragma once
// The invariant table: design doc section 5, plus FixupBounded from kernel-history.md.

#include <tuple>

#include "invariants/device_table_owned.hpp"
#include "invariants/fixup_bounded.hpp"
#include "invariants/free_only_at_mm_exit.hpp"
#include "invariants/fresh_child.hpp"
#include "invariants/msr_matches_mm.hpp"
#include "invariants/no_lam_with_pasid.hpp"
#include "invariants/no_spurious_sigsegv.hpp"
#include "invariants/no_stale_submit.hpp"
#include "invariants/no_use_after_free.hpp"
#include "invariants/no_use_after_mm_drop.hpp"
#include "invariants/pasid_freed_when_unreferenced.hpp"
#include "invariants/pasid_in_range.hpp"
#include "invariants/pasid_refs_match_binds.hpp"
#include "invariants/unique_owner.hpp"

namespace pasid {

using AllInvariants =
    std::tuple<NoStaleSubmit, FreeOnlyAtMmExit, NoUseAfterFree, UniqueOwner, MsrMatchesMm,
               FreshChild, DeviceTableOwned, PasidInRange, NoSpuriousSigsegv, FixupBounded,
               PasidFreedWhenUnreferenced, NoUseAfterMmDrop, PasidRefsMatchBinds, NoLamWithPasid>;

inline constexpr int kInvariantCount = static_cast<int>(std::tuple_size_v<AllInvariants>);

/// The invariants' descriptions, in table order.
const InvariantInfo& invariant_info(int inv);

/// Whether invariant `inv` reads the step's observations; if not, it depends on the
/// post-state alone and needs checking once per state.
bool invariant_reads_log(int inv);

/// The index of the invariant called `name`, or -1.
int find_invariant(std::string_view name);

template <class F>
decltype(auto) with_invariant(int inv, F&& f) {
  return [&]<int... I>(std::integer_sequence<int, I...>) {
    using R = decltype(f(std::tuple_element_t<0, AllInvariants>{}));
    R r{};
    (void)((I == inv ? (r = f(std::tuple_element_t<I, AllInvariants>{}), true) : false) || ...);
    return r;
  }
  (std::make_integer_sequence<int, kInvariantCount>{});
}

/// Whether invariant `inv` holds over the step pre --log--> post.
template <class D>
typename D::Bool invariant_holds(int inv, const Bounds& b, const State<D>& pre, const Log<D>& log,
                                 const State<D>& post) {
  return with_invariant(inv, [&](auto i) { return decltype(i)::holds(b, pre, log, post); });
}

/// Whether the step gave invariant `inv` something to check.
template <class D>
typename D::Bool invariant_premise(int inv, const Bounds& b, const State<D>& pre, const Log<D>& log,
                                   const State<D>& post) {
  return with_invariant(inv, [&](auto i) { return decltype(i)::premise(b, pre, log, post); });
}

}  // namespace pasid
