// The model is written once: its rules and invariants, instantiated over Z3 terms, must
// agree with the concrete instantiation.  For sampled reachable states of every design,
// the symbolic guard, post-state and invariant verdicts of every rule instance, built over
// the state as Z3 constants and simplified, equal what the concrete model computes; so do
// the verdicts of the invariants written in the formula language (specs/written/).

#include <doctest/doctest.h>

#include "../walk.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/smt/symbolic_state.hpp"
#include "written_forms.hpp"

using namespace pasid;
using S = smt::Z3Domain;
using smt::Term;

namespace {

/// Whether a symbolic term built from lifted constants simplifies to the concrete value.
template <class C>
bool same_value(const Term& t, C c) {
  z3::expr v = t.expr().simplify();
  if constexpr (std::is_same_v<C, bool>) return c ? v.is_true() : v.is_false();
  int n = 0;
  return v.is_numeral_i(n) && n == static_cast<int>(c);
}

/// Every live field of sym simplifies to the field of the lifted concrete state.
bool same_state(const Bounds& b, const State<S>& sym, const State<Concrete>& s) {
  bool ok = true;
  State<S> want = smt::lift_state(b, s);
  visit_fields(
      b,
      [&](const FieldId& id, const Term& t, const Term& w) {
        bool eq = z3::eq(t.expr().simplify(), w.expr().simplify());
        if (!eq) FAIL_CHECK(field_name(id) << ": " << t.expr().simplify() << " vs " << w.expr());
        ok = ok && eq;
      },
      sym, want);
  return ok;
}

/// The symbolic guard, post-state (allocator values included) and invariant verdicts of
/// instance `in`, built over the lifted state s, equal what the concrete model computes.
bool agrees(const Problem& pb, const Instance& in, const State<Concrete>& s) {
  Args<S> a;
  a.thread = in.args.thread, a.device = in.args.device, a.file = in.args.file;
  a.new_thread = in.args.new_thread, a.new_proc = in.args.new_proc, a.new_mm = in.args.new_mm;
  a.new_file = in.args.new_file, a.pasid = S::num(in.args.pasid);
  a.pasid_slot = in.args.pasid - 1;  // concretely PASID p is table entry p-1
  State<S> x = smt::lift_state(pb.bounds, s);
  bool g = rule_guard(in.rule, s, pb.bounds, pb.design, in.args);
  if (!same_value(rule_guard(in.rule, x, pb.bounds, pb.design, a), g)) return false;
  if (!g) return true;
  Log<Concrete> log;
  State<Concrete> post = successor(pb, s, in, log);
  State<S> spost = x;
  Log<S> slog;
  Step<S> st(spost, pb.bounds, pb.design, slog);
  rule_effect(in.rule, st, a);
  if (!same_state(pb.bounds, spost, post)) return false;
  for (const Property& p : pb.invariants) {  // built-in and written
    bool holds = property_holds(p, pb.bounds, s, log, post);
    if (!same_value(property_holds(p, pb.bounds, x, slog, spost), holds)) {
      FAIL_CHECK(p.name << " after " << instance_name(in.rule, in.args));
      return false;
    }
  }
  return true;
}

void check_design(const Problem& pb, int walks, int steps) {
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  auto states = test::random_walks(pb, walks, steps, 12345);
  auto instances = rule_instances(pb.bounds);
  int checked = 0;
  for (const auto& s : states) {
    for (const auto& in : instances) {
      if (!agrees(pb, in, s))
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
  pb.invariants = builtin_properties();
  for (const auto& [name, p] : test::written_forms()) pb.invariants.push_back(p);
  for (const auto& v : variants()) {
    CAPTURE(std::string(v.name));
    Design d;
    v.apply(d);
    pb.design = d;
    check_design(pb, 3, 12);
  }
  for (const auto& m : mutants()) {
    CAPTURE(std::string(m.name));
    Design d;
    m.apply(d);
    pb.design = d;
    check_design(pb, 2, 10);
  }
}
