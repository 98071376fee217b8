#include <optional>
#include <sstream>
#include <stdexcept>

#include "bounded_search.hpp"
#include "by_instance.hpp"
#include "lemma_proof.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

namespace {

/// The share of --timeout the lemmas get: Spacer needs the rest.
constexpr double kPdrFactShare = 0.5;

/// The Horn clauses of the problem: Inv holds initially and after every step, and Bad
/// follows from a step out of Inv that breaks an invariant.  Steps go from states that
/// keep `lemmas`, facts proved of every reachable state (lemma_proof.hpp): Spacer need not
/// find them again, and the invariant it prints holds relative to them.  As in kind, Bad
/// leaves out the type invariant (fields in their ranges, a check of the model that the
/// explicit engine and BMC make): at the default bounds, with it Spacer timed out on every
/// invariant.
///
/// A bad step is asked from states that keep the state invariants too, as IC3 keeps every
/// frame inside the property: the first violation on any path is a step from such a state
/// (or an initial state that breaks one, which `bad-initial` asks).  And it is asked only
/// of the rule instances `open`, those whose step can break an invariant from such a state
/// (IC3's first check, whether the property is inductive, asked per instance): for the
/// others Spacer could only find that no frame needs a lemma.  At the default bounds it
/// took Spacer over 50 s to find that for sigsegv(t0, f0) alone, a step that by_instance
/// splits into cases.
///
/// Bad has one premise per instance, each a predicate of its own ("Bad<i>"), and only for
/// one instance of each orbit of renamings (one_per_orbit), as kind asks: Spacer asks
/// of each predicate its own rules, so blocking and propagating Bad are a query per
/// instance, not over the whole step relation (there, at the default bounds, Spacer spent
/// minutes on the step invariants).  Inv starts from the initial state up to renaming
/// (Transition::initial_up_to_renaming), so a bad step of any instance from a state Inv
/// holds of is one of its orbit's representative from a renamed state Inv holds of too.
/// The state after a step is assumed to keep the facts where a state invariant breaks:
/// there they settle most invariants at once.
struct HornSystem {
  z3::fixedpoint fp;
  z3::func_decl inv;
  z3::func_decl bad;
  SymState x;  // the invariant's arguments, named after the model's fields

  HornSystem(z3::context& ctx, const Transition& t, Candidates lemmas,
             const std::vector<std::size_t>& open)
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
    z3::expr init = t.initial_up_to_renaming(x), state = t.state_property(x);
    add(z3::forall(xs, z3::implies(init, inv(xs))), "init");
    if (!state.is_true()) add(z3::forall(xs, z3::implies(init && !state, bad())), "bad-initial");
    z3::expr pre = inv(xs) && t.lemmas(x, lemmas);
    add(z3::forall(all, z3::implies(pre && step.relation, inv(ys))), "step");
    add_bad_steps(t, lemmas, pre && state, xs, step.pasid, open);
  }

  /// Bad<i> for each instance i of `open` that can break an invariant, and Bad from each.
  void add_bad_steps(const Transition& t, Candidates lemmas, const z3::expr& pre,
                     const z3::expr_vector& xs, const z3::expr& p,
                     const std::vector<std::size_t>& open) {
    z3::context& ctx = fp.ctx();
    z3::expr_vector vars(ctx);  // a copy of xs would share its vector
    for (const auto& e : xs) vars.push_back(e);
    vars.push_back(p);
    for (std::size_t i : open) {
      SymState post;
      Log<Z3Domain> log;
      z3::expr guard = t.fire_one(x, i, p, post, log);
      z3::expr breaks =
          (t.lemmas(post, lemmas) && !t.state_property(post)) || !t.step_property(x, log, post);
      if (breaks.simplify().is_false()) continue;
      std::string name = "Bad" + std::to_string(i);
      z3::func_decl bad_i = ctx.function(name.c_str(), 0, nullptr, ctx.bool_sort());
      fp.register_relation(bad_i);
      add(z3::forall(vars, z3::implies(pre && guard && breaks, bad_i())), "bad-step");
      add(z3::implies(bad_i(), bad()), "bad");
    }
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

/// "inductive invariant (IC3/PDR, Spacer) ..., with the facts ..., and the state
/// invariants themselves (2 of 89 rule instances ...):\n"
std::string proof_text(const ProvedLemmas& lemmas, std::size_t open, std::size_t orbits,
                       bool known) {
  std::string text =
      "inductive invariant (IC3/PDR, Spacer) of the states reachable up to renaming" +
      lemmas_used(lemmas) + ", and the state invariants themselves";
  std::string of = std::to_string(orbits) + " rule instances, one per orbit" +
                   (known ? kForAnEarlierEngine : "");
  if (open == 0)
    return text + ": from a state that keeps them, no step breaks an invariant (IC3's first " +
           "check, asked of " + of + "), so Spacer's frames needed no lemma:\n";
  return text + " (" + std::to_string(open) + " of " + of +
         ", can break an invariant from a state that keeps them; Spacer's frames block those):\n";
}

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
  const ProvedLemmas lemmas =
      prove_lemmas(t, o_.timeout_seconds, kPdrFactShare, o_.threads, o_.facts.get());
  Result r;
  r.engine = name();
  // None open when an engine before this one found the invariants 1-inductive (kind's
  // first step case asks the same question).
  const bool known = o_.facts && o_.facts->inductive(t, lemmas.kept);
  const std::optional<std::vector<std::size_t>> open =
      known ? std::vector<std::size_t>{}
            : bad_instances(t, induction_step(t, lemmas.kept), deadline, o_.threads);
  if (!known && open && open->empty() && o_.facts) o_.facts->keep_inductive(t, lemmas.kept);
  if (!open) {
    r.reason = deadline.unknown_reason("incomplete") +
               " in IC3's first check (which rule instances can break an invariant)";
    r.stats.seconds = deadline.elapsed();
    return r;
  }
  HornSystem horn(ctx, t, lemmas.kept, *open);
  z3::params p(ctx);
  p.set("engine", "spacer");
  // Keep the Bad<i> apart (the inliners would fold them back into Bad's rules), and skip
  // the slicing transformation: in Z3 4.8.12 it ran on for minutes, past the time-out,
  // on no_lam_with_pasid with the Bad<i> apart.
  p.set("xform.inline_linear", false);
  p.set("xform.inline_eager", false);
  p.set("xform.slice", false);
  horn.fp.set(p);
  deadline.arm(ctx, horn.fp);
  z3::expr query = horn.bad();
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
    r.proof = proof_text(lemmas, open->size(), one_per_orbit(t).size(), known) +
              horn.invariant(pb.bounds);
  } else if (c == z3::unknown) {
    r.reason = deadline.unknown_reason(horn.fp.reason_unknown());
  } else {
    shortest_violation(t, lemmas.kept, deadline, r);
  }
  return r;
}

}  // namespace pasid::smt
