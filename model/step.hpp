#pragma once
// The context a rule's effect runs in: the state it changes, the bounds, the design,
// and the log of observations.  `when` and `for_slot` are the two control structures
// of the model; they are `if` and indexing for concrete values, and a guarded merge
// for symbolic ones.

#include <utility>
#include <vector>

#include "design.hpp"
#include "fields.hpp"
#include "log.hpp"

namespace pasid {

template <class D>
class Step {
 public:
  using Bool = typename D::Bool;
  using Int = typename D::Int;

  Step(State<D>& s, const Bounds& b, const Design& design, Log<D>& log)
      : s(s), b(b), design(design), log_(log) {}

  State<D>& s;
  const Bounds& b;
  const Design& design;
  /// The thread whose rule runs (kNone if the rule has none): in design A the CPU it runs
  /// on executes load_pasid()'s function itself rather than receiving an IPI.
  int actor = kNone;

  /// Runs body() only where c holds.
  template <class F>
  void when(Bool c, F&& body) {
    if constexpr (!D::kSymbolic) {
      if (c) body();
    } else {
      State<D> before = s;
      path_.push_back(c);
      body();
      path_.pop_back();
      visit_fields(
          b, [&](const FieldId&, auto& now, auto& old) { now = ite(c, now, old); }, s, before);
    }
  }

  /// Runs body(k) for the slot k that idx names (idx in 0..n-1).
  template <class F>
  void for_slot(int n, Int idx, F&& body) {
    if constexpr (!D::kSymbolic) {
      (void)n;
      body(static_cast<int>(idx));
    } else {
      for (int k = 0; k < n; ++k) when(idx == k, [&] { body(k); });
    }
  }

  /// Records an observation (under the current path condition).
  void observe(Seen kind, int site, Int thread, Int dev, Int mm, Int pasid, Int seen) {
    Bool w = D::truth(true);
    if constexpr (D::kSymbolic)
      for (const auto& c : path_) w = w && c;
    log_.push_back(Observation<D>{w, kind, site, thread, dev, mm, pasid, seen});
  }

 private:
  Log<D>& log_;
  std::vector<Bool> path_;  // symbolic only
};

}  // namespace pasid
