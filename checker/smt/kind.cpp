#include <algorithm>

#include "bounded_search.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

namespace {

/// How long k-induction spends trying to prove the bookkeeping lemmas: a small part of
/// its budget (they are 1-inductive at small bounds in a fraction of a second; at larger
/// ones Z3 may take far longer, and the engine goes on without them).
constexpr double kLemmaSeconds = 10;

/// Whether the model's bookkeeping lemmas (model/lemmas.hpp) hold initially and are
/// 1-inductive, so that every reachable state has them.  False also when Z3 cannot tell
/// within `seconds`, or in a design whose bookkeeping differs.
bool lemmas_proved(const Transition& t, double seconds) {
  Deadline deadline(seconds);
  Unrolling u(t, "l");
  z3::solver s(z3_context());
  s.add(t.initial(u.state(0)) && !t.lemmas(u.state(0)));
  deadline.arm(z3_context(), s);
  if (s.check() != z3::unsat) return false;
  s.reset();
  s.add(t.lemmas(u.state(0)));
  s.add(u.extend().relation);
  s.add(!t.lemmas(u.state(1)));
  deadline.arm(z3_context(), s);
  return s.check() == z3::unsat;
}

/// The step case: from any state that keeps the state invariants, k steps that keep every
/// invariant, through pairwise distinct states, followed by one that breaks one.  Unsatisfiable:
/// the invariants are k-inductive.  With `lemmas` (proved invariant), every state of the
/// unrolling keeps them too, which cuts off unreachable states no invariant rules out.
class StepCase {
 public:
  StepCase(const Transition& t, bool lemmas)
      : t_(t), lemmas_(lemmas), u_(t, "i"), s_(z3_context()) {
    s_.add(t_.state_property(u_.state(0)));
    if (lemmas_) s_.add(t_.lemmas(u_.state(0)));
  }

  /// Adds step k and asks whether it can break an invariant after k good ones.
  z3::check_result deepen(const Deadline& deadline) {
    if (u_.length() > 0) s_.add(u_.property(u_.length() - 1, false));
    s_.add(u_.extend().relation);
    int k = u_.length();
    if (lemmas_) s_.add(t_.lemmas(u_.state(k)));
    for (int i = 0; i < k; ++i) s_.add(!same_state(t_.problem().bounds, u_.state(i), u_.state(k)));
    s_.push();
    s_.add(!u_.property(k - 1, false));
    deadline.arm(z3_context(), s_);
    z3::check_result r = s_.check();
    s_.pop();
    return r;
  }
  std::string reason_unknown() const { return s_.reason_unknown(); }

 private:
  const Transition& t_;
  bool lemmas_;
  Unrolling u_;
  z3::solver s_;
};

}  // namespace

Result KInductionEngine::check(const Problem& pb) {
  z3::context ctx;
  Z3Scope scope(ctx);
  Deadline deadline(o_.timeout_seconds);
  Transition t(pb);
  BoundedSearch base(t);
  bool lemmas = lemmas_proved(
      t, o_.timeout_seconds > 0 ? std::min(kLemmaSeconds, o_.timeout_seconds / 4) : kLemmaSeconds);
  StepCase step(t, lemmas);
  Result r;
  r.engine = name();
  for (int k = 1; k <= o_.depth; ++k) {
    z3::check_result c = base.deepen(deadline);
    r.stats.seconds = deadline.elapsed();
    if (c == z3::sat) {
      r.verdict = Verdict::violated;
      r.counterexample = base.counterexample();
      r.stats.depth = k;
      return r;
    }
    if (c == z3::unknown) {
      r.reason = deadline.unknown_reason(base.reason_unknown()) +
                 " in the base case at k = " + std::to_string(k);
      return r;
    }
    c = step.deepen(deadline);
    r.stats.seconds = deadline.elapsed();
    r.stats.depth = k;
    r.stats.depth_seconds.push_back(r.stats.seconds);
    if (o_.on_depth) o_.on_depth(k, r.stats.seconds);
    if (c == z3::unsat) {
      r.verdict = Verdict::holds;
      r.proof =
          std::string("the invariants") +
          (lemmas ? ", with the model's bookkeeping lemmas (proved 1-inductive first)," : "") +
          " are " + std::to_string(k) +
          "-inductive (with simple-path constraints): they hold at every depth";
      return r;
    }
    if (c == z3::unknown) {
      r.reason = deadline.unknown_reason(step.reason_unknown()) +
                 " in the step case at k = " + std::to_string(k);
      return r;
    }
  }
  r.reason = "not k-inductive for k up to " + std::to_string(o_.depth) +
             ", and no counterexample that deep";
  return r;
}

}  // namespace pasid::smt
