#pragma once
// The meaning of a written formula over one step pre --log--> post, for any value domain:
// booleans in the domain's Bool, numbers and object references in its integers.  The
// explicit engine evaluates formulas with Concrete, the SMT engines encode them with Z3
// terms, from this one definition.
//
// Field access is total: a reference that names no live slot (`none`, a dead thread's mm)
// reads false, 0 or none.  Quantifiers over objects range over every slot; over `pasid`,
// the PASIDs allocated in the state read; over observations, what the step saw.

#include <type_traits>
#include <vector>

#include "../design.hpp"
#include "../log.hpp"
#include "../pasid_allocator.hpp"
#include "../queries.hpp"
#include "formula.hpp"

namespace pasid::expr {

/// A value of the formula language: a Bool, a number or object reference (`n`; a bond is
/// the pair n, n2), or an observation.
template <class D>
struct Value {
  /// Numbers: the domain's integers symbolically (unbounded), 64 bits concretely (int8 is
  /// too narrow for 20-bit PASIDs; sums of literals below 2^30 cannot overflow 64 bits
  /// before a formula reaches 2^33 terms).
  using Num = std::conditional_t<D::kSymbolic, typename D::Int, long long>;
  typename D::Bool b{};
  Num n{};
  Num n2{};
  const Observation<D>* obs = nullptr;
};

template <class D>
using Num = typename Value<D>::Num;

/// Where a formula is evaluated.
template <class D>
struct Env {
  const Bounds& b;
  const State<D>& pre;
  const Log<D>& log;
  const State<D>& post;
  const State<D>* now;  ///< post, or pre inside prev()
  std::vector<Value<D>> vars;
};

template <class D>
Num<D> number(int v) {
  if constexpr (D::kSymbolic)
    return D::num(v);
  else
    return v;
}

template <class D>
Num<D> number(const typename D::Int& v) {
  if constexpr (D::kSymbolic)
    return v;
  else
    return static_cast<long long>(v);
}

/// proj(k) for the slot k that idx names, or dflt when it names none of the n slots.
template <class D, class R, class Proj>
R select(int n, const Num<D>& idx, R dflt, Proj&& proj) {
  if constexpr (!D::kSymbolic) {
    return idx >= 0 && idx < n ? R(proj(idx)) : dflt;
  } else {
    R r = dflt;
    for (int k = 0; k < n; ++k) r = ite(idx == k, R(proj(k)), r);
    return r;
  }
}

template <class D>
Value<D> evaluate(const Node& n, Env<D>& e);

}  // namespace pasid::expr

#include "eval_fields.hpp"
#include "eval_nodes.hpp"
