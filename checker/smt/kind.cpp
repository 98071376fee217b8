#include <string>
#include <vector>

#include "bounded_search.hpp"
#include "by_instance.hpp"
#include "cti.hpp"
#include "lemma_proof.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

namespace {

/// The share of --timeout the lemmas get: the proofs after them are quicker (2-15 s at
/// the default bounds).
constexpr double kKindFactShare = 0.75;

/// "the invariants, with counts_match, ... and unique_owner (proved 1-inductive first, in
/// 30.2 s), are 1-inductive ..."
std::string proof_text(const ProvedLemmas& lemmas, int k) {
  return "the invariants" + lemmas_used(lemmas) + (lemmas.kept.any() ? "," : "") + " are " +
         std::to_string(k) + "-inductive (with simple-path constraints): they hold at every depth";
}

/// The step case at k = 1, one rule instance at a time: from a state that keeps the state
/// invariants and the lemmas, no step breaks an invariant.  True: the invariants are
/// 1-inductive.  At the default bounds the whole relation in one query took 210 s for
/// device_table_owned.
bool one_inductive_by_instance(const Transition& t, Candidates lemmas, const Deadline& deadline,
                               int threads) {
  return any_bad_step(t, induction_step(t, lemmas), deadline, threads) == z3::unsat;
}

/// The same, or what an engine before this one found (o.facts: pdr's first check asks it).
bool one_inductive(const Transition& t, Candidates lemmas, const Deadline& deadline,
                   const SmtOptions& o) {
  if (o.facts && o.facts->inductive(t, lemmas)) return true;
  bool yes = one_inductive_by_instance(t, lemmas, deadline, o.threads);
  if (yes && o.facts) o.facts->keep_inductive(t, lemmas);
  return yes;
}

/// The step case at k: from any state that keeps the state invariants, k-1 steps that keep
/// every invariant and a k-th that breaks one, the k states these steps leave pairwise
/// distinct.  Unsatisfiable: the invariants are k-inductive.  The state the breaking step
/// reaches may repeat one before it: a step invariant can break on a step that changes no
/// state (ENQCMD submitting a stale PASID), and a shortest violation has distinct states
/// only up to the step that breaks.  Every state of the unrolling keeps the `lemmas` (proved
/// invariant) too, which cuts off unreachable states no invariant rules out.
class StepCase {
 public:
  StepCase(const Transition& t, Candidates lemmas)
      : t_(t), lemmas_(lemmas), u_(t, "i"), s_(z3_context()) {
    s_.add(t_.state_property(u_.state(0)));
    s_.add(t_.lemmas(u_.state(0), lemmas_));
  }

  /// Adds step k and asks whether it can break an invariant after k-1 good ones.
  z3::check_result deepen(const Deadline& deadline) {
    if (u_.length() > 0) s_.add(u_.property(u_.length() - 1, false));
    s_.add(u_.extend().relation);
    int k = u_.length();
    s_.add(t_.lemmas(u_.state(k), lemmas_));
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
  Candidates lemmas_;
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
  const ProvedLemmas lemmas =
      prove_lemmas(t, o_.timeout_seconds, kKindFactShare, o_.threads, o_.facts.get());
  BoundedSearch base(t, lemmas.kept);
  StepCase step(t, lemmas.kept);
  Result r;
  r.engine = name();
  for (int k = 1; k <= o_.depth; ++k) {
    z3::check_result c = base.deepen(deadline);
    r.stats.seconds = deadline.elapsed();
    if (c == z3::sat) {
      base.report(r);
      r.stats.depth = base.depth();  // 0 when the initial state breaks an invariant
      return r;
    }
    if (c == z3::unknown) {
      r.reason = deadline.unknown_reason(base.reason_unknown()) +
                 " in the base case at k = " + std::to_string(k);
      return r;
    }
    c = k == 1 && one_inductive(t, lemmas.kept, deadline, o_) ? z3::unsat : step.deepen(deadline);
    r.stats.seconds = deadline.elapsed();
    r.stats.depth = k;
    r.stats.depth_seconds.push_back(r.stats.seconds);
    if (o_.on_depth) o_.on_depth(k, r.stats.seconds);
    if (c == z3::unsat) {
      r.verdict = Verdict::holds;
      r.proof = proof_text(lemmas, k);
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
