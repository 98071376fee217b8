#include "bounded_search.hpp"

#include <string>

#include "checker/explicit/state_table.hpp"

namespace pasid::smt {

BoundedSearch::BoundedSearch(const Transition& t, Candidates facts)
    : t_(t), u_(t, "b"), s_(z3_context()), facts_(facts) {
  s_.add(t_.initial(u_.state(0)));
}

z3::check_result BoundedSearch::deepen(const Deadline& deadline) {
  if (!started_) {  // the initial state first: a violation there has no step
    started_ = true;
    z3::check_result r = ask(!t_.state_property(u_.state(0)), deadline);
    if (r != z3::unsat) return r;
  }
  const SymbolicStep& step = u_.extend();
  s_.add(step.relation);
  if (facts_.any()) s_.add(t_.lemmas(u_.state(depth()), facts_));
  z3::check_result r = ask(!u_.property(depth() - 1), deadline);
  if (r == z3::unsat) s_.add(u_.property(depth() - 1));  // no step this deep breaks one
  return r;
}

z3::check_result BoundedSearch::ask(const z3::expr& violation, const Deadline& deadline) {
  s_.push();
  s_.add(violation);
  deadline.arm(z3_context(), s_);
  z3::check_result r = s_.check();
  if (r == z3::sat) return r;  // keep the model
  s_.pop();
  return r;
}

void BoundedSearch::report(Result& r) const {
  try {
    r.counterexample = explicit_counterexample(t_, u_, depth(), s_.get_model());
    r.verdict = Verdict::violated;
  } catch (const OutOfRange& e) {
    r.verdict = Verdict::unknown;
    r.reason = std::string(e.what()) + " after " + std::to_string(depth()) +
               " steps: " + OutOfRange::kPastTheModel;
  }
}

}  // namespace pasid::smt
