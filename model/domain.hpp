#pragma once
// Value domains the model is written over.
//
// Every rule and invariant in model/ is a template over a domain D that supplies
// D::Bool and D::Int.  The explicit engine instantiates them with `Concrete` (native
// bool and int8, so the rules compile to straight-line code); the SMT engines
// instantiate them with a domain whose values are z3::expr.  Model code therefore
// never indexes an array with a state value directly: it goes through `select` and
// `Step::for_slot`, which are plain indexing for concrete values and a case split
// for symbolic ones.

#include <cassert>
#include <cstdint>
#include <type_traits>

namespace pasid {

/// Concrete values: what the explicit engine runs.
struct Concrete {
  using Bool = bool;
  using Int = std::int8_t;
  static constexpr bool kSymbolic = false;
  /// A literal of the domain.
  static Int num(int v) { return static_cast<Int>(v); }
  /// A boolean literal of the domain.
  static Bool truth(bool v) { return v; }
  /// The concrete value of a condition (only meaningful when !kSymbolic).
  static bool value(Bool b) { return b; }
  static int value(Int i) { return i; }
};

/// If-then-else over concrete values (z3::ite is found by argument lookup).
inline Concrete::Int ite(bool c, Concrete::Int a, Concrete::Int b) {
  return c ? a : b;
}
inline bool ite(bool c, bool a, bool b) {
  return c ? a : b;
}

/// a implies b, in any domain.
template <class B>
B implies(const B& a, const B& b) {
  return !a || b;
}

/// a implies b(), for a consequent that costs a loop: concretely b() runs only when a
/// holds; symbolically it is built either way, and the term is the same.
template <class B, class F>
requires std::is_invocable_r_v<B, F&> B implies(const B& a, F&& b) {
  return !a || b();
}

/// proj(i) for a slot index i that is a domain value; n is the number of live slots.
/// Concrete: one call.  Symbolic: an if-then-else chain over every slot.
template <class D, class Proj>
auto pick(int n, typename D::Int i, Proj&& proj) {
  if constexpr (!D::kSymbolic) {
    assert(i >= 0 && i < n);
    (void)n;
    return proj(static_cast<int>(i));
  } else {
    auto r = proj(0);
    for (int k = 1; k < n; ++k) r = ite(i == k, proj(k), r);
    return r;
  }
}

}  // namespace pasid
