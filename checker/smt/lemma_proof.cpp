#include "lemma_proof.hpp"

#include <stdexcept>

#include "by_instance.hpp"
#include "checker/report/text.hpp"

namespace pasid::smt {

namespace {

/// How long the proof may take when the engine has no time-out: at the default bounds it
/// takes 20-30 s.
constexpr double kUntimedSeconds = 600;

/// The candidates of `all` that hold in the initial state.
Candidates initially(const Bounds& b, Candidates all) {
  State<Concrete> s = initial_state<Concrete>();
  for (int c = 0; c < kCandidates; ++c)
    if (all[static_cast<std::size_t>(c)] && !candidate_holds(c, b, s))
      all.reset(static_cast<std::size_t>(c));
  return all;
}

}  // namespace

ProvedLemmas prove_lemmas(const Transition& t, double seconds, int threads) {
  Deadline deadline(seconds);
  Candidates kept = initially(t.problem().bounds, state_candidates());
  while (kept.any()) {
    const Candidates asked = kept;
    StepQuestion q;
    q.tag = "l";
    q.assumed = [&t, asked](const SymState& x) { return t.lemmas(x, asked); };
    q.bad = [&t, asked](const SymState&, const SymState& post, const Log<Z3Domain>&) {
      return !t.lemmas(post, asked);
    };
    // The step's model breaks at least one candidate asked: each round drops some.
    q.found = [&](const z3::model& model, const SymState& post) {
      for (int c = 0; c < kCandidates; ++c) {
        Candidates one;
        one.set(static_cast<std::size_t>(c));
        if (asked[static_cast<std::size_t>(c)] && !model.eval(t.lemmas(post, one), true).is_true())
          kept.reset(static_cast<std::size_t>(c));
      }
      if (kept == asked) throw std::logic_error("a step breaks the candidates but none of them");
    };
    z3::check_result r = any_bad_step(t, q, deadline, threads);
    if (r == z3::unsat) break;
    if (r == z3::unknown) return {Candidates{}, deadline.elapsed(), false};
  }
  return {kept, deadline.elapsed(), true};
}

std::optional<ProvedLemmas> KnownFacts::find(const Transition& t) const {
  const Problem& pb = t.problem();
  if (!of_ || of_->first != pb.design || of_->second != pb.bounds) return std::nullopt;
  ProvedLemmas p = proved_;
  p.reused = true;
  return p;
}

void KnownFacts::keep(const Transition& t, const ProvedLemmas& proved) {
  if (!proved.complete) return;
  of_.emplace(t.problem().design, t.problem().bounds);
  proved_ = proved;
}

namespace {

/// What tells pb's invariants apart: a built-in one by its number, a written one by the
/// text of its formula and premise.
std::vector<std::string> invariant_keys(const Problem& pb) {
  std::vector<std::string> keys;
  for (const Property& p : pb.invariants)
    keys.push_back(p.builtin >= 0 ? "#" + std::to_string(p.builtin) : p.source + "\n" + p.premise);
  return keys;
}

}  // namespace

bool KnownFacts::inductive(const Transition& t, Candidates kept) const {
  const Problem& pb = t.problem();
  return inductive_ && inductive_->design == pb.design && inductive_->bounds == pb.bounds &&
         inductive_->kept == kept && inductive_->invariants == invariant_keys(pb);
}

void KnownFacts::keep_inductive(const Transition& t, Candidates kept) {
  const Problem& pb = t.problem();
  inductive_ = Inductive{pb.design, pb.bounds, kept, invariant_keys(pb)};
}

ProvedLemmas prove_lemmas(const Transition& t, double timeout, double share, int threads,
                          KnownFacts* known) {
  if (known)
    if (std::optional<ProvedLemmas> p = known->find(t)) return *p;
  ProvedLemmas p = prove_lemmas(t, timeout > 0 ? share * timeout : kUntimedSeconds, threads);
  if (known) known->keep(t, p);
  return p;
}

std::string lemmas_used(const ProvedLemmas& lemmas) {
  if (lemmas.kept.none()) return "";
  return ", with " + candidate_list(lemmas.kept) + " (proved 1-inductive first, in " +
         fixed(lemmas.seconds, 1) + " s" + (lemmas.reused ? kForAnEarlierEngine : "") + ")";
}

std::string candidate_list(Candidates set) {
  std::string out;
  int left = static_cast<int>(set.count());
  for (int c = 0; c < kCandidates; ++c) {
    if (!set[static_cast<std::size_t>(c)]) continue;
    --left;
    out += candidate_name(c);
    out += left > 1 ? ", " : left == 1 ? " and " : "";
  }
  return out;
}

}  // namespace pasid::smt
