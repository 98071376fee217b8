// The model is written once: its rules and invariants, instantiated over Z3 terms, must
// agree with the concrete instantiation.  For sampled reachable states of every design,
// the symbolic guard, post-state and invariant verdicts of every rule instance, evaluated
// at the state, equal what the concrete model computes.

#include <doctest/doctest.h>

#include "../walk.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/smt/z3_domain.hpp"

using namespace pasid;
using S = smt::Z3Domain;
using smt::Term;

namespace {

/// A symbolic state of fresh constants, one per field, and the way to fix them to a state.
struct SymbolicState {
  Bounds b;
  State<S> x = initial_state<S>();
  z3::expr_vector vars;

  SymbolicState(z3::context& ctx, const Bounds& bounds) : b(bounds), vars(ctx) {
    State<Concrete> shape{};
    visit_fields(
        b,
        [&](const FieldId& id, const auto& c, Term& t) {
          std::string name = field_name(id);
          bool is_bool = std::is_same_v<std::decay_t<decltype(c)>, bool>;
          t = is_bool ? ctx.bool_const(name.c_str()) : ctx.int_const(name.c_str());
          vars.push_back(t.expr());
        },
        shape, x);
  }

  z3::expr_vector values(z3::context& ctx, const State<Concrete>& s) const {
    z3::expr_vector out(ctx);
    State<Concrete> copy = s;
    visit_fields(
        b,
        [&](const FieldId&, const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, bool>)
            out.push_back(ctx.bool_val(v));
          else
            out.push_back(ctx.int_val(static_cast<int>(v)));
        },
        copy);
    return out;
  }
};

/// guard == g, and where g holds: every post field and every invariant's verdict.
z3::expr agreement(z3::context& ctx, const Problem& pb, const SymbolicState& sym,
                   const Instance& in, const State<Concrete>& s) {
  Args<S> a;
  a.thread = in.args.thread, a.device = in.args.device, a.file = in.args.file;
  a.new_thread = in.args.new_thread, a.new_proc = in.args.new_proc, a.new_mm = in.args.new_mm;
  a.new_file = in.args.new_file, a.pasid = S::num(in.args.pasid);
  bool g = rule_guard(in.rule, s, pb.bounds, pb.design, in.args);
  z3::expr want = rule_guard(in.rule, sym.x, pb.bounds, pb.design, a).expr() == ctx.bool_val(g);
  if (!g) return want;
  Log<Concrete> log;
  State<Concrete> post = successor(pb, s, in, log);
  State<S> spost = sym.x;
  Log<S> slog;
  Step<S> st(spost, pb.bounds, pb.design, slog);
  rule_effect(in.rule, st, a);
  visit_fields(
      pb.bounds,
      [&](const FieldId&, const auto& c, const Term& t) {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, bool>)
          want = want && (t.expr() == ctx.bool_val(c));
        else
          want = want && (t.expr() == ctx.int_val(static_cast<int>(c)));
      },
      post, spost);
  for (int inv = 0; inv < kInvariantCount; ++inv) {
    bool holds = invariant_holds(inv, pb.bounds, s, log, post);
    want =
        want && (invariant_holds(inv, pb.bounds, sym.x, slog, spost).expr() == ctx.bool_val(holds));
  }
  return want;
}

void check_design(const Problem& pb, int walks, int steps) {
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  SymbolicState sym(ctx, pb.bounds);
  auto states = test::random_walks(pb, walks, steps, 12345);
  auto instances = rule_instances(pb.bounds);
  int checked = 0;
  for (const auto& s : states) {
    z3::expr_vector vals = sym.values(ctx, s);
    for (const auto& in : instances) {
      z3::expr e = agreement(ctx, pb, sym, in, s).substitute(sym.vars, vals).simplify();
      if (!e.is_true())
        FAIL_CHECK("symbolic and concrete disagree on " << instance_name(in.rule, in.args));
      ++checked;
    }
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("the model over Z3 terms agrees with the concrete model, for every design") {
  Problem pb;
  pb.bounds = {2, 2, 2, 1, 2, 2};  // threads, processes, mms, devices, files, pasids
  for (const auto& v : variants()) {
    CAPTURE(v.name);
    Design d;
    v.apply(d);
    pb.design = d;
    check_design(pb, 3, 12);
  }
  for (const auto& m : mutants()) {
    CAPTURE(m.name);
    Design d;
    m.apply(d);
    pb.design = d;
    check_design(pb, 2, 10);
  }
}
