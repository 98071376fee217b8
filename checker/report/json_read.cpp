#include "json_read.hpp"

#include <algorithm>

#include "checker/error.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/spec/json.hpp"
#include "checker/spec/json_checks.hpp"
#include "checker/spec/spec.hpp"
#include "checker/spec/written.hpp"

namespace pasid {

namespace {

using Kind = Json::Kind;

/// Reads with the spec's JSON reader, so that every error names the line and column of the
/// value it is about.  Keys the result has and `show` does not need (the verdict, the
/// statistics, each step's state) are not looked at.
class Reader {
 public:
  Reader(std::string_view text, const std::string& path) : text_(text), path_(path) {}

  SavedCounterexample read() const {
    Json j = parse_json(text_, path_);
    expect(j, Kind::object, "the result");
    SavedCounterexample saved;
    saved.problem = problem(j);
    const Json* cex = j.find("counterexample");
    if (!cex) fail(j, "the result has no counterexample (its verdict holds)");
    expect(*cex, Kind::object, "\"counterexample\"");
    int inv = position(saved.problem, field(*cex, "\"counterexample\"", "invariant"));
    auto replayed = replay_path(saved.problem, path(saved.problem.bounds, *cex), inv);
    if (!replayed) fail(*cex, "the counterexample does not replay in this model");
    saved.counterexample = *replayed;
    return saved;
  }

 private:
  std::string_view text_;
  const std::string& path_;

  [[noreturn]] void fail(const Json& at, const std::string& msg) const { fail_at(path_, at, msg); }

  void expect(const Json& v, Kind k, const std::string& what) const {
    expect_kind(path_, v, k, what);
  }

  /// Member `key` of `obj` (called `what` in messages), which must be there.
  const Json& field(const Json& obj, const std::string& what, const char* key) const {
    const Json* v = obj.find(key);
    if (!v) fail(obj, what + " has no \"" + key + "\"");
    return *v;
  }

  const std::string& text(const Json& obj, const std::string& what, const char* key) const {
    return json_text(path_, field(obj, what, key), key);
  }

  int number(const Json& obj, const std::string& what, const char* key, int low, int high) const {
    const Json& v = field(obj, what, key);
    if (v.kind != Kind::number || !v.is_integer || v.integer < low || v.integer > high)
      fail(v, std::string("\"") + key + "\" must be a whole number from " + std::to_string(low) +
                  " to " + std::to_string(high));
    return static_cast<int>(v.integer);
  }

  /// Where the invariant named by `name` is in the problem's list.
  int position(const Problem& pb, const Json& name) const {
    const std::string& s = json_text(path_, name, "invariant");
    for (std::size_t i = 0; i < pb.invariants.size(); ++i)
      if (pb.invariants[i].name == s) return static_cast<int>(i);
    fail(name, "the counterexample breaks \"" + s + "\", which the result does not list");
  }

  /// A built-in invariant by name, or a written one as {"name", "statement", "formula"}.
  Property invariant(const Json& j) const {
    if (j.kind == Kind::object) return read_written(j, text_, path_);
    if (j.kind != Kind::string) fail(j, "an invariant must be a name or an object");
    int i = find_invariant(j.string);
    if (i < 0) fail(j, "unknown invariant \"" + j.string + "\"");
    return builtin_property(i);
  }

  Problem problem(const Json& j) const {
    Problem pb;
    const Json& variant = field(j, "the result", "variant");
    const DesignChange* v = find_change(variants(), json_text(path_, variant, "variant"));
    if (!v) fail(variant, "unknown variant \"" + variant.string + "\"");
    v->apply(pb.design);
    const Json& listed = field(j, "the result", "mutants");
    expect(listed, Kind::array, "\"mutants\"");
    for (const Json& m : listed.items) {
      const DesignChange* c = find_change(mutants(), json_text(path_, m, "mutants"));
      if (!c) fail(m, "unknown mutant \"" + m.string + "\"");
      c->apply(pb.design);
    }
    pb.bounds = read_bounds(field(j, "the result", "bounds"), path_);
    const Json& invariants = field(j, "the result", "invariants");
    expect(invariants, Kind::array, "\"invariants\"");
    for (const Json& inv : invariants.items) pb.invariants.push_back(invariant(inv));
    return pb;
  }

  int rule(const Json& step) const {
    const std::string& name = text(step, "a step", "rule");
    for (int r = 0; r < kRuleCount; ++r)
      if (name == rule_info(r).name) return r;
    fail(*step.find("rule"), "unknown rule \"" + name + "\"");
  }

  /// Whether `in` is one of the rule instances the bounds allow.
  static bool allowed(const Instance& in, const std::vector<Instance>& all) {
    const RuleInfo& info = rule_info(in.rule);
    for (const Instance& x : all) {
      bool same = x.rule == in.rule;
      for (int k = 0; same && k < info.param_count; ++k) {
        Param p = info.params[static_cast<unsigned>(k)];
        same = param_value(x.args, p) == param_value(in.args, p);
      }
      if (same) return true;
    }
    return false;
  }

  Instance step(const Bounds& b, const Json& j) const {
    expect(j, Kind::object, "a step");
    Instance in{rule(j), {}};
    const RuleInfo& info = rule_info(in.rule);
    const Json& args = field(j, "a step", "args");
    expect(args, Kind::object, "\"args\"");
    const int high = std::max({b.threads, b.processes, b.mms, b.devices, b.files, b.pasids});
    for (int k = 0; k < info.param_count; ++k) {
      Param p = info.params[static_cast<unsigned>(k)];
      int v = number(args, "\"args\"", param_name(p), p == Param::pasid ? 1 : 0, high);
      if (p == Param::pasid)
        in.args.pasid = Concrete::num(v);
      else
        param_slot(in.args, p) = v;
    }
    return in;
  }

  std::vector<Instance> path(const Bounds& b, const Json& cex) const {
    const Json& steps = field(cex, "\"counterexample\"", "steps");
    expect(steps, Kind::array, "\"steps\"");
    std::vector<Instance> out;
    const std::vector<Instance> all = rule_instances(b);
    for (const Json& j : steps.items) {
      out.push_back(step(b, j));
      if (!allowed(out.back(), all)) fail(j, "this step's arguments are outside the bounds");
    }
    return out;
  }
};

}  // namespace

SavedCounterexample parse_counterexample(std::string_view text, const std::string& file) {
  return Reader(text, file).read();
}

SavedCounterexample read_counterexample(const std::string& path) {
  return parse_counterexample(read_text_file(path, "the result"), path);
}

}  // namespace pasid
