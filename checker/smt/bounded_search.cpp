#include "bounded_search.hpp"

namespace pasid::smt {

BoundedSearch::BoundedSearch(const Transition& t) : t_(t), u_(t, "b"), s_(z3_context()) {
  s_.add(t_.initial(u_.state(0)));
}

z3::check_result BoundedSearch::deepen(const Deadline& deadline) {
  const SymbolicStep& step = u_.extend();
  s_.add(step.relation);
  s_.push();
  s_.add(!u_.property(depth() - 1));
  deadline.arm(z3_context(), s_);
  z3::check_result r = s_.check();
  if (r == z3::sat) return r;  // keep the model
  s_.pop();
  return r;
}

Counterexample BoundedSearch::counterexample() const {
  return explicit_counterexample(t_, u_, depth(), s_.get_model());
}

}  // namespace pasid::smt
