#pragma once
// The bounded search of BMC, also k-induction's base case: paths from the initial state,
// one step longer per call, asking whether the last step can break an invariant.

#include "deadline.hpp"
#include "trace.hpp"

namespace pasid::smt {

class BoundedSearch {
 public:
  explicit BoundedSearch(const Transition& t);

  /// Unrolls one more step and asks for a violation at it.
  z3::check_result deepen(const Deadline& deadline);
  /// The number of steps unrolled.
  int depth() const { return u_.length(); }
  /// After deepen() gave sat: the violation, replayed through the explicit model.
  Counterexample counterexample() const;
  /// After deepen() gave unknown: what the solver said.
  std::string reason_unknown() const { return s_.reason_unknown(); }

 private:
  const Transition& t_;
  Unrolling u_;
  z3::solver s_;
};

}  // namespace pasid::smt
