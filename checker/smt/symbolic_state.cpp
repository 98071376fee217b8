#include "symbolic_state.hpp"

#include <type_traits>

namespace pasid::smt {

namespace {

SymState fresh_state(const Bounds& b, const Design* z, const std::string& tag) {
  SymState s = initial_state<Z3Domain>();  // every field a term of its sort
  z3::context& ctx = z3_context();
  visit_fields(
      b,
      [&](const FieldId& id, Term& t) {
        if (z && !field_written(id, *z)) return;
        std::string name = tag.empty() ? field_name(id) : field_name(id) + "@" + tag;
        t = ctx.constant(name.c_str(), t.expr().get_sort());
      },
      s);
  return s;
}

}  // namespace

SymState fresh_state(const Bounds& b, const Design& z, const std::string& tag) {
  return fresh_state(b, &z, tag);
}

SymState fresh_state(const Bounds& b, const std::string& tag) {
  return fresh_state(b, nullptr, tag);
}

z3::expr_vector state_terms(const Bounds& b, const SymState& s) {
  z3::expr_vector out(z3_context());
  visit_fields(
      b, [&](const FieldId&, const Term& t) { out.push_back(t.expr()); }, s);
  return out;
}

z3::expr same_state(const Bounds& b, const SymState& x, const SymState& y) {
  z3::expr_vector eqs(z3_context());
  visit_fields(
      b, [&](const FieldId&, const Term& u, const Term& v) { eqs.push_back(u.expr() == v.expr()); },
      x, y);
  return z3::mk_and(eqs);
}

z3::expr type_ok(const Bounds& b, const SymState& s) {
  z3::expr_vector in(z3_context());
  visit_fields(
      b,
      [&](const FieldId& id, const Term& t) {
        if (t.expr().is_bool()) return;
        auto [low, high] = field_range(id, b, true);
        in.push_back(t.expr() >= low && t.expr() <= high);
      },
      s);
  return z3::mk_and(in);
}

SymState lift_state(const Bounds& b, const State<Concrete>& s) {
  SymState out = initial_state<Z3Domain>();
  State<Concrete> copy = s;
  visit_fields(
      b,
      [&](const FieldId&, const auto& c, Term& t) {
        if constexpr (std::is_same_v<std::decay_t<decltype(c)>, bool>)
          t = Z3Domain::truth(c);
        else
          t = Z3Domain::num(c);
      },
      copy, out);
  for (int k = 0; k < b.pasids; ++k)
    out.alloc.value[k] = Z3Domain::num(s.alloc.owner[k] == kNone ? 0 : k + 1);
  return out;
}

}  // namespace pasid::smt
