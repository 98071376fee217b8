#include "trace.hpp"

#include <stdexcept>

#include "checker/explicit/state_table.hpp"
#include "checker/explicit/successor.hpp"

namespace pasid::smt {

namespace {

/// The value model m gives an integer term.
int value_of(const z3::model& m, const z3::expr& e) {
  z3::expr v = m.eval(e, true);
  int out = 0;
  if (!v.is_numeral_i(out)) throw std::logic_error("no value for " + e.to_string());
  return out;
}

/// The allocator entry that holds PASID p in symbolic state x under m, plus one.
int renamed_pasid(const Bounds& b, const z3::model& m, const SymState& x, int p) {
  for (int k = 0; k < b.pasids; ++k)
    if (value_of(m, x.alloc.owner[k].expr()) != kNone && value_of(m, x.alloc.value[k].expr()) == p)
      return k + 1;
  throw std::logic_error("a bind's PASID " + std::to_string(p) + " is in no allocator entry");
}

/// Throws OutOfRange if a state along `path` has a field outside its range: the part of
/// the solver's property (the type invariant) that replay_path() does not check.
void check_ranges(const Problem& pb, const std::vector<Instance>& path) {
  const StateCodec codec(pb.bounds, pb.design);
  std::vector<std::uint8_t> packed(codec.width());
  State<Concrete> s = initial_state<Concrete>();
  Log<Concrete> log;
  for (const Instance& in : path) {
    if (!rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) return;
    s = successor(pb, s, in, log);
    codec.pack(s, packed.data());
  }
}

}  // namespace

bool has_pasid_param(int rule) {
  const RuleInfo& info = rule_info(rule);
  for (int i = 0; i < info.param_count; ++i)
    if (info.params[static_cast<unsigned>(i)] == Param::pasid) return true;
  return false;
}

std::vector<Instance> decode_path(const Transition& t, const Unrolling& u, int n,
                                  const z3::model& m) {
  std::vector<Instance> path;
  const auto& all = t.instances();
  for (int j = 0; j < n; ++j) {
    const z3::expr_vector& fire = u.step(j).fire;
    unsigned i = 0;
    while (i < fire.size() && !m.eval(fire[i], true).is_true()) ++i;
    if (i == fire.size())
      throw std::logic_error("step " + std::to_string(j) + " fires no rule instance");
    Instance in = all[i];
    if (has_pasid_param(in.rule)) {
      int p = value_of(m, u.step(j).pasid);
      in.args.pasid = Concrete::num(renamed_pasid(t.problem().bounds, m, u.state(j + 1), p));
    }
    path.push_back(in);
  }
  return path;
}

Counterexample explicit_counterexample(const Transition& t, const Unrolling& u, int n,
                                       const z3::model& m) {
  std::vector<Instance> path = decode_path(t, u, n, m);
  std::optional<Counterexample> cex = replay_path(t.problem(), path);
  if (cex) return *cex;
  check_ranges(t.problem(), path);  // throws OutOfRange if that is what the solver found
  throw std::logic_error("the SMT counterexample of length " + std::to_string(n) +
                         " does not replay in the explicit model");
}

}  // namespace pasid::smt
