#pragma once
// The bounded search of BMC, also k-induction's base case: paths from the initial state,
// one step longer per call, asking whether the last step can break an invariant.
//
// Two constraints the paths of a shortest violation keep anyway spare the solver the rest:
// every state keeps the facts proved of every reachable state (lemma_proof.hpp), and once
// no path of k steps breaks an invariant, the first k steps of a longer one break none.
// At the smallest bounds with exec (specs/smt/v5.18-tiny.json) the two took BMC from
// depth 11 in 573 s to depth 30 in 43 s; at the default bounds, its step to depth 4 from
// 271 s to 90 s.

#include "deadline.hpp"
#include "trace.hpp"

namespace pasid::smt {

class BoundedSearch {
 public:
  /// Paths whose every state keeps `facts` (proved invariants).
  explicit BoundedSearch(const Transition& t, Candidates facts = {});

  /// Unrolls one more step and asks for a violation at it.  The first call asks first
  /// whether the initial state breaks a state invariant, and if so gives sat at depth() 0.
  z3::check_result deepen(const Deadline& deadline);
  /// The number of steps unrolled.
  int depth() const { return u_.length(); }
  /// After deepen() gave sat: r becomes the violation, replayed through the explicit model,
  /// or unknown when the path breaks no invariant but takes a field outside its range (the
  /// type invariant): a design that takes a count past what the model holds at these bounds.
  void report(Result& r) const;
  /// After deepen() gave unknown: what the solver said.
  std::string reason_unknown() const { return s_.reason_unknown(); }

 private:
  const Transition& t_;
  Unrolling u_;
  z3::solver s_;
  Candidates facts_;
  bool started_ = false;  // the initial state has been asked about

  /// Whether `violation` can hold on the path so far; a model stays when it can.
  z3::check_result ask(const z3::expr& violation, const Deadline& deadline);
};

}  // namespace pasid::smt
