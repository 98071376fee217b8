#include <sstream>
#include <stdexcept>

#include "bounded_search.hpp"
#include "lemma_proof.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

namespace {

/// The share of --timeout the lemmas get: Spacer needs the rest.
constexpr double kLemmaShare = 0.5;

/// The Horn clauses of the problem: Inv holds initially and after every step, and Bad
/// follows from a step out of Inv that breaks an invariant.  Steps go from states that
/// keep `lemmas`, facts proved of every reachable state (lemma_proof.hpp): Spacer need not
/// find them again, and the invariant it prints holds relative to them.  The state after
/// the step is assumed to keep them only where a state invariant breaks ("bad-state"):
/// there they settle most invariants at once, but assumed on every step (as until
/// 2026-11-27) they kept Spacer from finishing free_only_at_mm_exit at the default bounds,
/// and assumed nowhere they kept it from finishing unique_owner.  As in kind, Bad leaves
/// out the type invariant (fields in their ranges, a check of the model that the explicit
/// engine and BMC make): at the default bounds, with it Spacer timed out on every
/// invariant.
struct HornSystem {
  z3::fixedpoint fp;
  z3::func_decl inv;
  z3::func_decl bad;
  SymState x;  // the invariant's arguments, named after the model's fields

  HornSystem(z3::context& ctx, const Transition& t, Candidates lemmas)
      : fp(ctx), inv(ctx), bad(ctx.function("Bad", 0, nullptr, ctx.bool_sort())) {
    const Bounds& b = t.problem().bounds;
    x = fresh_state(b, "");
    SymState y = fresh_state(b, "next");
    z3::expr_vector xs = state_terms(b, x), ys = state_terms(b, y);
    z3::sort_vector sorts(ctx);
    for (const auto& e : xs) sorts.push_back(e.get_sort());
    inv = ctx.function("Inv", sorts, ctx.bool_sort());
    fp.register_relation(inv);
    fp.register_relation(bad);
    SymbolicStep step = t.encode(x, y, "next");
    z3::expr_vector all(ctx);
    for (const auto& e : xs) all.push_back(e);
    for (const auto& e : ys) all.push_back(e);
    for (const auto& f : step.fire) all.push_back(f);
    all.push_back(step.pasid);
    add(z3::forall(xs, z3::implies(t.initial(x), inv(xs))), "init");
    z3::expr pre = inv(xs) && t.lemmas(x, lemmas) && step.relation;
    add(z3::forall(all, z3::implies(pre, inv(ys))), "step");
    z3::expr state = t.state_property(y), steps = t.step_property(x, step.log, y);
    if (!state.is_true())
      add(z3::forall(all, z3::implies(pre && t.lemmas(y, lemmas) && !state, bad())), "bad-state");
    if (!steps.is_true()) add(z3::forall(all, z3::implies(pre && !steps, bad())), "bad-step");
  }

  void add(z3::expr rule, const char* name) { fp.add_rule(rule, fp.ctx().str_symbol(name)); }

  /// The inductive invariant Spacer found, one conjunct per line, over the field names.
  std::string invariant(const Bounds& b) {
    z3::expr cover = fp.get_cover_delta(-1, inv).substitute(state_terms(b, x)).simplify();
    std::ostringstream out;
    if (cover.is_and())
      for (unsigned i = 0; i < cover.num_args(); ++i) out << "  " << cover.arg(i) << "\n";
    else
      out << "  " << cover << "\n";
    return out.str();
  }
};

/// Spacer proved a violation reachable; BMC rebuilds the shortest one to report in r.
void shortest_violation(const Transition& t, Candidates lemmas, const Deadline& deadline,
                        Result& r) {
  constexpr int kMaxDepth = 200;
  BoundedSearch search(t, lemmas);
  while (search.depth() < kMaxDepth) {
    z3::check_result c = search.deepen(deadline);
    if (c == z3::sat) return search.report(r);
    if (c == z3::unknown) {
      r.reason = "Spacer found a violation, but BMC could not rebuild it: " +
                 deadline.unknown_reason(search.reason_unknown());
      return;
    }
  }
  throw std::logic_error("Spacer found a violation that BMC does not within 200 steps");
}

}  // namespace

Result PdrEngine::check(const Problem& pb) {
  z3::context ctx;
  Z3Scope scope(ctx);
  Deadline deadline(o_.timeout_seconds);
  Transition t(pb);
  const ProvedLemmas lemmas = prove_lemmas(t, o_.timeout_seconds, kLemmaShare, o_.threads);
  HornSystem horn(ctx, t, lemmas.kept);
  z3::params p(ctx);
  p.set("engine", "spacer");
  horn.fp.set(p);
  deadline.arm(ctx, horn.fp);
  z3::expr query = horn.bad();
  Result r;
  r.engine = name();
  z3::check_result c = z3::unknown;
  try {
    c = horn.fp.query(query);
  } catch (const z3::exception& e) {  // Spacer reports a time-out as an exception
    r.reason = deadline.unknown_reason(e.msg());
    r.stats.seconds = deadline.elapsed();
    return r;
  }
  r.stats.seconds = deadline.elapsed();
  r.stats.depth = static_cast<int>(horn.fp.get_num_levels(horn.inv));
  if (c == z3::unsat) {
    r.verdict = Verdict::holds;
    r.proof = "inductive invariant (IC3/PDR, Spacer)" + lemmas_used(lemmas) + ":\n" +
              horn.invariant(pb.bounds);
  } else if (c == z3::unknown) {
    r.reason = deadline.unknown_reason(horn.fp.reason_unknown());
  } else {
    shortest_violation(t, lemmas.kept, deadline, r);
  }
  return r;
}

}  // namespace pasid::smt
