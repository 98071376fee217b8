#pragma once
// What the engines check: a property is a built-in invariant (invariants.hpp) or a formula
// written in a spec (expr/formula.hpp).  Both are evaluated over any value domain, so
// every engine checks either kind the same way.

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "expr/eval.hpp"
#include "invariants.hpp"

namespace pasid {

struct Property {
  std::string name;
  std::string statement;
  std::string premise;  ///< what must occur for the check to mean something ("" : nothing)
  int builtin = -1;     ///< index into AllInvariants, or -1 for a written formula
  std::shared_ptr<const expr::Formula> formula;  ///< written: the property
  std::shared_ptr<const expr::Formula> given;    ///< written, optional: its premise
  std::string source;                            ///< written: the formula's text

  /// Whether the property reads the step (observations, the pre-state), not only the
  /// state after it.
  bool reads_step() const {
    return builtin >= 0 ? invariant_reads_log(builtin) : formula->reads_step;
  }
  /// Whether it tells PASID values apart by number, so that renaming them may change it.
  bool names_pasids() const {
    return formula && (formula->names_pasids || (given && given->names_pasids));
  }
};

/// The built-in invariant `inv` as a property.
inline Property builtin_property(int inv) {
  const InvariantInfo& info = invariant_info(inv);
  return Property{info.name, info.statement, info.premise, inv, nullptr, nullptr, ""};
}

/// The built-in invariants in table order, but for those named in `except`.
inline std::vector<Property> builtin_properties(
    std::initializer_list<std::string_view> except = {}) {
  std::vector<Property> out;
  for (int i = 0; i < kInvariantCount; ++i) {
    bool skip = false;
    for (std::string_view name : except) skip = skip || name == invariant_info(i).name;
    if (!skip) out.push_back(builtin_property(i));
  }
  return out;
}

/// Whether property p holds over the step pre --log--> post.
template <class D>
typename D::Bool property_holds(const Property& p, const Bounds& b, const State<D>& pre,
                                const Log<D>& log, const State<D>& post) {
  if (p.builtin >= 0) return invariant_holds(p.builtin, b, pre, log, post);
  return expr::formula_holds(*p.formula, b, pre, log, post);
}

/// Whether the step gave property p something to check (always, for a written property
/// without a premise).
template <class D>
typename D::Bool property_premise(const Property& p, const Bounds& b, const State<D>& pre,
                                  const Log<D>& log, const State<D>& post) {
  if (p.builtin >= 0) return invariant_premise(p.builtin, b, pre, log, post);
  if (!p.given) return D::truth(true);
  return expr::formula_holds(*p.given, b, pre, log, post);
}

}  // namespace pasid
