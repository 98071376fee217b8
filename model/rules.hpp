#pragma once
// The rule table: every event of design doc section 2, in one list that the engines,
// the CLI's `list` and the statistics all read.

#include <tuple>

#include "events/clone.hpp"
#include "events/clone_vm.hpp"
#include "events/close.hpp"
#include "events/enable_lam.hpp"
#include "events/enqcmd.hpp"
#include "events/exec.hpp"
#include "events/fork.hpp"
#include "events/fpregs.hpp"
#include "events/mmap.hpp"
#include "events/munmap.hpp"
#include "events/open.hpp"
#include "events/switch_in.hpp"
#include "events/thread_exit.hpp"
#include "events/update_pasid.hpp"

namespace pasid {

/// The rules up to ThreadExit are what kernel traces show (checker/replay maps them); the
/// ones after it are not traced.
using AllRules =
    std::tuple<Open, Mmap, Enqcmd, GpFixup, Sigsegv, Clone, CloneVm, Fork, Exec, Close, Munmap,
               ThreadExit, UpdatePasid, SwitchIn, FpregsLock, FpregsUnlock, EnableLam>;

inline constexpr int kRuleCount = static_cast<int>(std::tuple_size_v<AllRules>);

/// The position of rule R in the table.
template <class R>
constexpr int rule_index() {
  return []<int... I>(std::integer_sequence<int, I...>) {
    int found = -1;
    ((std::is_same_v<R, std::tuple_element_t<I, AllRules>> ? found = I : 0), ...);
    return found;
  }
  (std::make_integer_sequence<int, kRuleCount>{});
}

/// The rules' descriptions, in table order.
const RuleInfo& rule_info(int rule);

/// Calls f(std::integral_constant<int, i>{}, RuleType{}) for rule i.
template <class F>
decltype(auto) with_rule(int rule, F&& f) {
  return [&]<int... I>(std::integer_sequence<int, I...>)->decltype(auto) {
    using R = decltype(f(std::tuple_element_t<0, AllRules>{}));
    if constexpr (std::is_void_v<R>) {
      (void)((I == rule ? (f(std::tuple_element_t<I, AllRules>{}), true) : false) || ...);
    } else {
      R r{};
      (void)((I == rule ? (r = f(std::tuple_element_t<I, AllRules>{}), true) : false) || ...);
      return r;
    }
  }
  (std::make_integer_sequence<int, kRuleCount>{});
}

/// The guard of rule `rule` for arguments a.
template <class D>
typename D::Bool rule_guard(int rule, const State<D>& s, const Bounds& b, const Design& z,
                            const Args<D>& a) {
  return with_rule(rule, [&](auto r) { return decltype(r)::guard(s, b, z, a); });
}

/// Calls f(RuleType{}) for every rule, in table order.
template <class F>
void for_each_rule(F&& f) {
  std::apply([&](auto... r) { (f(r), ...); }, AllRules{});
}

/// Applies the effect of rule R for arguments a.
template <class R, class D>
void rule_effect(Step<D>& st, const Args<D>& a) {
  st.actor = a.thread;
  R::effect(st, a);
  if (st.design.pasid_by_ipi) settle_waits(st);
}

/// Applies the effect of rule `rule` for arguments a.
template <class D>
void rule_effect(int rule, Step<D>& st, const Args<D>& a) {
  with_rule(rule, [&](auto r) { rule_effect<decltype(r)>(st, a); });
}

}  // namespace pasid
