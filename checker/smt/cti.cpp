#include "cti.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "trace.hpp"

namespace pasid::smt {

namespace {

/// The value m gives a field's term: a Boolean as 0 or 1.
int value_of(const z3::model& m, const Term& t) {
  z3::expr v = m.eval(t.expr(), true);
  if (v.is_bool()) return v.is_true() ? 1 : 0;
  int out = 0;
  return v.is_numeral_i(out) ? out : 0;
}

/// Every live field of x under m, in visit_fields' order.
std::vector<std::pair<FieldId, int>> read_state(const Bounds& b, const z3::model& m,
                                                const SymState& x) {
  std::vector<std::pair<FieldId, int>> fields;
  visit_fields(
      b, [&](const FieldId& id, const Term& t) { fields.emplace_back(id, value_of(m, t)); }, x);
  return fields;
}

/// The instance step j fires.
Instance fired(const Transition& t, const Unrolling& u, int j, const z3::model& m) {
  const z3::expr_vector& fire = u.step(j).fire;
  for (unsigned i = 0; i < fire.size(); ++i)
    if (m.eval(fire[i], true).is_true()) return t.instances()[i];
  throw std::logic_error("step " + std::to_string(j) + " fires no rule instance");
}

/// Its name, with the PASID value a bind takes.
std::string step_name(const Instance& in, const Unrolling& u, int j, const z3::model& m) {
  std::string name = instance_name(in.rule, in.args);
  int p = 0;
  if (has_pasid_param(in.rule) && m.eval(u.step(j).pasid, true).is_numeral_i(p))
    name += " taking PASID " + std::to_string(p);
  return name;
}

/// The value of field `id` of a state the solver chose in the explicit model, whose PASID p
/// is allocator entry p-1: every PASID value must name exactly one entry (0 stays none).
std::optional<int> renamed(const FieldId& id, int v, const std::vector<int>& entries) {
  if (!holds_pasid(id) || v == kNoPasid) return v;
  if (std::count(entries.begin(), entries.end(), v) != 1) return std::nullopt;
  return static_cast<int>(std::find(entries.begin(), entries.end(), v) - entries.begin()) + 1;
}

/// The first state of `cti` in the explicit model, or nothing if its PASIDs cannot be named
/// or a field is out of the explicit model's range.
std::optional<State<Concrete>> explicit_state(const Bounds& b,
                                              const std::vector<std::pair<FieldId, int>>& fields) {
  std::vector<int> entries;  // the allocator's values, after every other field
  for (const auto& [id, v] : fields)
    if (std::string_view(id.obj) == "alloc" && std::string_view(id.field) == "value")
      entries.push_back(v);
  State<Concrete> s = initial_state<Concrete>();
  std::size_t at = 0;
  bool named = true;
  visit_fields(
      b,
      [&](const FieldId& id, auto& field) {
        std::optional<int> v = renamed(id, fields[at++].second, entries);
        auto [low, high] = field_range(id, b);  // kind's states need not be typed
        named = named && v && *v >= low && *v <= high;
        if (v) field = static_cast<std::decay_t<decltype(field)>>(*v);
      },
      s);
  if (!named) return std::nullopt;
  return s;
}

/// Takes the path from cti's first state in the explicit model: whether it can, and breaks
/// what the solver says it breaks.  Throws std::logic_error when it cannot or breaks
/// something else: the two encodings of one model disagree, which is a bug.
bool replay_cti(const Problem& pb, const std::vector<Instance>& path, const InductionCti& cti) {
  std::optional<State<Concrete>> s = explicit_state(pb.bounds, cti.states.front());
  if (!s) return false;
  Log<Concrete> log;
  State<Concrete> pre = *s;
  for (const Instance& in : path) {
    if (!rule_guard(in.rule, *s, pb.bounds, pb.design, in.args))
      throw std::logic_error("the explicit model cannot take " + instance_name(in.rule, in.args) +
                             " in k-induction's counterexample to induction");
    pre = *s;
    *s = successor(pb, pre, in, log);
  }
  std::vector<int> broken;
  for (std::size_t i = 0; i < pb.invariants.size(); ++i)
    if (!property_holds(pb.invariants[i], pb.bounds, pre, log, *s))
      broken.push_back(static_cast<int>(i));
  if (broken != cti.broken)
    throw std::logic_error(
        "k-induction's counterexample to induction breaks other invariants "
        "in the explicit model");
  return true;
}

}  // namespace

InductionCti read_cti(const Transition& t, const Unrolling& u, int k, const z3::model& m) {
  const Problem& pb = t.problem();
  InductionCti cti;
  for (int j = 0; j <= k; ++j) cti.states.push_back(read_state(pb.bounds, m, u.state(j)));
  std::vector<Instance> path;
  for (int j = 0; j < k; ++j) {
    path.push_back(fired(t, u, j, m));
    cti.steps.push_back(step_name(path.back(), u, j, m));
  }
  const SymState &pre = u.state(k - 1), &post = u.state(k);
  for (std::size_t i = 0; i < pb.invariants.size(); ++i) {
    z3::expr holds =
        property_holds(pb.invariants[i], pb.bounds, pre, u.step(k - 1).log, post).expr();
    if (m.eval(holds, true).is_false()) cti.broken.push_back(static_cast<int>(i));
  }
  cti.replayed = replay_cti(pb, path, cti);
  return cti;
}

}  // namespace pasid::smt
