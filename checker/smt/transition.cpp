#include "transition.hpp"

#include <utility>

namespace pasid::smt {

namespace {

/// The symbolic arguments of an instance, the bind's PASID left to the input p.
Args<Z3Domain> symbolic_args(const Instance& in, const z3::expr& p) {
  const Args<Concrete>& c = in.args;
  Args<Z3Domain> a;
  a.thread = c.thread, a.device = c.device, a.file = c.file;
  a.new_thread = c.new_thread, a.new_proc = c.new_proc, a.new_mm = c.new_mm;
  a.new_file = c.new_file;
  a.pasid = p;
  a.pasid_slot = c.pasid == kNoPasid ? kNone : c.pasid - 1;
  return a;
}

}  // namespace

Transition::Transition(const Problem& pb) : pb_(pb), instances_(rule_instances(pb.bounds)) {
  pb_.design.alloc_any_free = true;
}

SymbolicStep Transition::encode(const SymState& x, const SymState& next,
                                const std::string& tag) const {
  z3::context& ctx = z3_context();
  const Bounds& b = pb_.bounds;
  z3::expr p = int_constant("pasid@" + tag);
  z3::expr_vector fire(ctx);
  for (std::size_t i = 0; i < instances_.size(); ++i)
    fire.push_back(ctx.bool_const(("fire" + std::to_string(i) + "@" + tag).c_str()));
  z3::expr_vector before = state_terms(b, x);
  std::vector<Term> chain;  // Term: assigning a z3::expr leaks (z3_domain.hpp)
  for (unsigned f = 0; f < before.size(); ++f) chain.push_back(before[f]);
  z3::expr_vector enabled(ctx);
  Log<Z3Domain> log;
  for (int i = static_cast<int>(instances_.size()) - 1; i >= 0; --i) {
    z3::expr fires = fire[static_cast<unsigned>(i)];
    SymState post;
    Log<Z3Domain> seen;
    enabled.push_back(fires && fire_one(x, static_cast<std::size_t>(i), p, post, seen));
    z3::expr_vector after = state_terms(b, post);
    for (unsigned f = 0; f < after.size(); ++f)
      if (!z3::eq(after[f], before[f])) chain[f] = z3::ite(fires, after[f], chain[f].expr());
    for (Observation<Z3Domain> o : seen) {
      o.when = o.when && fires;
      log.push_back(o);
    }
  }
  z3::expr_vector now = state_terms(b, next);
  z3::expr_vector frame(ctx);
  for (unsigned f = 0; f < now.size(); ++f) frame.push_back(now[f] == chain[f].expr());
  return {z3::mk_or(enabled) && z3::atmost(fire, 1) && z3::mk_and(frame), std::move(log), fire, p};
}

z3::expr Transition::fire_one(const SymState& x, std::size_t i, const z3::expr& p, SymState& post,
                              Log<Z3Domain>& log) const {
  const Instance& in = instances_[i];
  Args<Z3Domain> a = symbolic_args(in, p);
  post = x;
  Step<Z3Domain> st(post, pb_.bounds, pb_.design, log);
  rule_effect(in.rule, st, a);
  return rule_guard(in.rule, x, pb_.bounds, pb_.design, a).expr();
}

z3::expr Transition::initial(const SymState& x) const {
  return same_state(pb_.bounds, x, initial_state<Z3Domain>());
}

z3::expr Transition::initial_up_to_renaming(const SymState& x) const {
  z3::expr_vector any(z3_context());
  for (unsigned k = 0; k < static_cast<unsigned>(pb_.bounds.threads); ++k) {
    SymState init = initial_state<Z3Domain>();
    std::swap(init.threads[0], init.threads[k]);
    any.push_back(same_state(pb_.bounds, x, init));
  }
  return z3::mk_or(any);
}

z3::expr Transition::property(const SymState& pre, const Log<Z3Domain>& log, const SymState& post,
                              bool with_types) const {
  z3::expr_vector all(z3_context());
  if (with_types) all.push_back(type_ok(pb_.bounds, post));
  add_invariants(all, pre, log, post, Reading::any);
  return z3::mk_and(all);
}

void Transition::add_invariants(z3::expr_vector& all, const SymState& pre, const Log<Z3Domain>& log,
                                const SymState& post, Reading which) const {
  for (const Property& p : pb_.invariants)
    if (which == Reading::any || p.reads_step() == (which == Reading::step))
      all.push_back(property_holds(p, pb_.bounds, pre, log, post).expr());
}

namespace {

/// Candidate c of state s.
template <class D>
typename D::Bool candidate(int c, const Bounds& b, const State<D>& s) {
  if (c < kLemmaCount) return lemma(static_cast<Lemma>(c), b, s);
  Log<D> none;
  return invariant_holds(c - kLemmaCount, b, s, none, s);
}

}  // namespace

std::string_view candidate_name(int c) {
  return c < kLemmaCount ? kLemmaNames[c] : invariant_info(c - kLemmaCount).name;
}

Candidates state_candidates() {
  Candidates all;
  for (int c = 0; c < kCandidates; ++c)
    all[static_cast<std::size_t>(c)] = c < kLemmaCount || !invariant_reads_log(c - kLemmaCount);
  return all;
}

bool candidate_holds(int c, const Bounds& b, const State<Concrete>& s) {
  return candidate(c, b, s);
}

z3::expr Transition::lemmas(const SymState& x, Candidates kept) const {
  z3::expr_vector all(z3_context());
  for (int c = 0; c < kCandidates; ++c)
    if (kept[static_cast<std::size_t>(c)]) all.push_back(candidate(c, pb_.bounds, x).expr());
  return z3::mk_and(all);
}

z3::expr Transition::state_property(const SymState& x) const {
  z3::expr_vector all(z3_context());
  add_invariants(all, x, Log<Z3Domain>{}, x, Reading::state);
  return z3::mk_and(all);
}

z3::expr Transition::step_property(const SymState& pre, const Log<Z3Domain>& log,
                                   const SymState& post) const {
  z3::expr_vector all(z3_context());
  add_invariants(all, pre, log, post, Reading::step);
  return z3::mk_and(all);
}

}  // namespace pasid::smt
