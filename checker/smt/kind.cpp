#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "bounded_search.hpp"
#include "checker/explicit/instances.hpp"
#include "cti.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

namespace {

/// How long k-induction spends trying to prove the bookkeeping lemmas without a time-out.
/// Most proofs at the default bounds need them, and there they take about 30 s.  With a
/// time-out they get three quarters of it: the proofs after them are quicker (2-15 s at
/// the default bounds).
constexpr double kLemmaSeconds = 600;

/// "30.2 s"
std::string fixed_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

/// How long a query is tried whole before it is split into cases.
constexpr double kTrySeconds = 0.5;

/// Whether the solver's assertions are unsatisfiable.  Tried whole for a moment; if Z3
/// cannot tell by then, split on splits[next] (true, then false) and each case asked the
/// same way.  The cases cover every state, so unsat in each is unsat whole.
bool refuted(z3::solver& s, const std::vector<z3::expr>& splits, std::size_t next,
             const Deadline& deadline) {
  bool last = next == splits.size();
  last ? deadline.arm(z3_context(), s) : deadline.arm(z3_context(), s, kTrySeconds);
  z3::check_result r = s.check();
  if (r != z3::unknown || last || deadline.expired()) return r == z3::unsat;
  for (bool side : {true, false}) {
    s.push();
    s.add(side ? splits[next] : !splits[next]);
    bool ok = refuted(s, splits, next + 1, deadline);
    s.pop();
    if (!ok) return false;
  }
  return true;
}

/// The cases a step of instance `in` from x splits into when it is slow: which mm the
/// actor runs on, and whether each other thread lives in its process.  A SIGSEGV or an
/// exit tears down the whole group and maybe its mm, and Z3 handles each case far better
/// on its own: at the default bounds, 3 s a case where the whole took 80.
std::vector<z3::expr> group_cases(const Bounds& b, const SymState& x, const Instance& in) {
  std::vector<z3::expr> cases;
  int actor = in.args.thread;
  if (actor == kNone) return cases;
  for (int m = 0; m + 1 < b.mms; ++m) cases.push_back((mm_of(x, b, actor) == m).expr());
  const Term& group = x.threads[static_cast<unsigned>(actor)].proc;
  for (int j = 0; j < b.threads; ++j)
    if (j != actor) cases.push_back(in_process(x, j, group).expr());
  return cases;
}

/// Whether the model's bookkeeping lemmas (model/lemmas.hpp) hold initially and are
/// 1-inductive, so that every reachable state has them.  False also when Z3 cannot tell
/// within `seconds`, or in a design whose bookkeeping differs.  The step is asked one rule
/// instance at a time, each split into cases when it is slow: the whole relation in one
/// query did not finish in 400 s at the default bounds.
bool lemmas_proved(const Transition& t, double seconds) {
  Deadline deadline(seconds);
  const Bounds& b = t.problem().bounds;
  SymState x = fresh_state(b, t.problem().design, "l");
  z3::solver s(z3_context());
  s.add(t.initial(x) && !t.lemmas(x));
  deadline.arm(z3_context(), s);
  if (s.check() != z3::unsat) return false;
  s.reset();
  s.add(t.lemmas(x));
  z3::expr p = int_constant("pasid@l");
  // One instance of each orbit (orbit_key): the lemmas name no slot, so a step keeps them
  // exactly when a renamed step from the renamed state does.  Six SIGSEGVs at the default
  // bounds took 94 s of 110.
  std::set<std::vector<int>> orbits;
  for (std::size_t i = 0; i < t.instances().size(); ++i) {
    std::vector<int> orbit = orbit_key(t.instances()[i]);
    if (!orbit.empty() && !orbits.insert(orbit).second) continue;
    SymState post;
    Log<Z3Domain> log;
    z3::expr guard = t.fire_one(x, i, p, post, log);
    s.push();
    s.add(guard && !t.lemmas(post));
    bool inductive = refuted(s, group_cases(b, x, t.instances()[i]), 0, deadline);
    s.pop();
    if (!inductive) return false;
  }
  return true;
}

/// The step case at k: from any state that keeps the state invariants, k-1 steps that keep
/// every invariant and a k-th that breaks one, the k states these steps leave pairwise
/// distinct.  Unsatisfiable: the invariants are k-inductive.  The state the breaking step
/// reaches may repeat one before it: a step invariant can break on a step that changes no
/// state (ENQCMD submitting a stale PASID), and a shortest violation has distinct states
/// only up to the step that breaks.  With `lemmas` (proved invariant), every state of the
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
    for (int i = 0; i + 1 < k; ++i)
      s_.add(!same_state(t_.problem().bounds, u_.state(i), u_.state(k - 1)));
    s_.push();
    s_.add(!u_.property(k - 1, false));
    deadline.arm(z3_context(), s_);
    z3::check_result r = s_.check();
    if (r == z3::sat) cti_ = read_cti(t_, u_, k, s_.get_model());
    s_.pop();
    return r;
  }
  std::string reason_unknown() const { return s_.reason_unknown(); }
  /// After deepen() gave sat: the counterexample to induction it found.
  const InductionCti& cti() const { return cti_; }

 private:
  const Transition& t_;
  bool lemmas_;
  Unrolling u_;
  z3::solver s_;
  InductionCti cti_;
};

}  // namespace

Result KInductionEngine::check(const Problem& pb) {
  z3::context ctx;
  Z3Scope scope(ctx);
  Deadline deadline(o_.timeout_seconds);
  Transition t(pb);
  BoundedSearch base(t);
  bool lemmas =
      lemmas_proved(t, o_.timeout_seconds > 0 ? 0.75 * o_.timeout_seconds : kLemmaSeconds);
  const double lemma_seconds = deadline.elapsed();
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
      r.proof = std::string("the invariants") +
                (lemmas ? ", with the model's bookkeeping lemmas (proved 1-inductive first, in " +
                              fixed_seconds(lemma_seconds) + "),"
                        : "") +
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
  r.cti = step.cti();
  return r;
}

}  // namespace pasid::smt
