#include "json_read.hpp"

#include <nlohmann/json.hpp>

#include "checker/error.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/spec/json_checks.hpp"
#include "checker/spec/written.hpp"
#include "json_error.hpp"

namespace pasid {

namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}

  SavedCounterexample read(std::string_view text) {
    json j = parse(text);
    SavedCounterexample saved;
    saved.problem = problem(j);
    if (!j.contains("counterexample")) fail("the result has no counterexample (its verdict holds)");
    const json& cex = j["counterexample"];
    int inv = position(saved.problem, cex.value("invariant", ""));
    auto replayed = replay_path(saved.problem, path(saved.problem.bounds, cex), inv);
    if (!replayed) fail("the counterexample does not replay in this model");
    saved.counterexample = *replayed;
    return saved;
  }

 private:
  const std::string& path_;

  [[noreturn]] void fail(const std::string& msg, int line = 0, int col = 0) const {
    throw InputError(path_, line, col, msg);
  }

  json parse(std::string_view text) const {
    auto j = json::parse(text, nullptr, false);
    if (!j.is_discarded()) return j;
    JsonError e = json_error(text);
    fail(e.message, e.line, e.col);
  }

  const json& field(const json& j, const char* key) const {
    if (!j.is_object() || !j.contains(key)) fail(std::string("the result has no \"") + key + "\"");
    return j[key];
  }

  int number(const json& j, const char* key, int low, int high) const {
    const json& v = field(j, key);
    if (!v.is_number_integer() || v.get<long long>() < low || v.get<long long>() > high)
      fail(std::string("\"") + key + "\" must be a whole number from " + std::to_string(low) +
           " to " + std::to_string(high));
    return v.get<int>();
  }

  /// Where the invariant called `name` is in the problem's list.
  int position(const Problem& pb, const std::string& name) const {
    for (std::size_t i = 0; i < pb.invariants.size(); ++i)
      if (pb.invariants[i].name == name) return static_cast<int>(i);
    fail("the counterexample breaks \"" + name + "\", which the result does not list");
  }

  /// A built-in invariant by name, or a written one as {"name", "formula"}.
  Property invariant(const json& j) const {
    if (j.is_object() && j.contains("name") && j["name"].is_string() && j.contains("formula") &&
        j["formula"].is_string()) {
      Property p;
      p.name = j["name"].get<std::string>();
      p.source = p.statement = j["formula"].get<std::string>();
      if (j.contains("statement") && j["statement"].is_string())
        p.statement = j["statement"].get<std::string>();
      p.formula = parse_saved_formula(p.source, path_);
      return p;
    }
    std::string name = j.is_string() ? j.get<std::string>() : j.dump();
    int i = find_invariant(name);
    if (i < 0) fail("unknown invariant \"" + name + "\"");
    return builtin_property(i);
  }

  Problem problem(const json& j) const {
    Problem pb;
    std::string variant = field(j, "variant").is_string() ? j["variant"].get<std::string>() : "";
    const DesignChange* v = find_change(variants(), variant);
    if (!v) fail("unknown variant \"" + variant + "\"");
    v->apply(pb.design);
    for (const json& m : field(j, "mutants")) {
      const DesignChange* c =
          m.is_string() ? find_change(mutants(), m.get<std::string>()) : nullptr;
      if (!c) fail("unknown mutant " + m.dump());
      c->apply(pb.design);
    }
    const json& b = field(j, "bounds");
    pb.bounds = {number(b, "threads", 1, kMaxThreads), number(b, "processes", 1, kMaxProcesses),
                 number(b, "mms", 1, kMaxMms),         number(b, "devices", 1, kMaxDevices),
                 number(b, "files", 1, kMaxFiles),     number(b, "pasids", 1, kMaxPasids)};
    for (const json& inv : field(j, "invariants")) pb.invariants.push_back(invariant(inv));
    return pb;
  }

  int rule(const std::string& name) const {
    for (int r = 0; r < kRuleCount; ++r)
      if (name == rule_info(r).name) return r;
    fail("unknown rule \"" + name + "\"");
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

  std::vector<Instance> path(const Bounds& b, const json& cex) const {
    std::vector<Instance> out;
    const std::vector<Instance> all = rule_instances(b);
    for (const json& step : field(cex, "steps")) {
      Instance in{rule(field(step, "rule").is_string() ? step["rule"].get<std::string>() : ""), {}};
      const RuleInfo& info = rule_info(in.rule);
      const json& args = field(step, "args");
      for (int k = 0; k < info.param_count; ++k) {
        Param p = info.params[static_cast<unsigned>(k)];
        int high = std::max({b.threads, b.processes, b.mms, b.devices, b.files, b.pasids});
        int v = number(args, param_name(p), p == Param::pasid ? 1 : 0, high);
        if (p == Param::pasid)
          in.args.pasid = Concrete::num(v);
        else
          param_slot(in.args, p) = v;
      }
      if (!allowed(in, all))
        fail("step " + std::to_string(out.size() + 1) + ": arguments outside the bounds");
      out.push_back(in);
    }
    return out;
  }
};

}  // namespace

SavedCounterexample parse_counterexample(std::string_view text, const std::string& file) {
  return Reader(file).read(text);
}

SavedCounterexample read_counterexample(const std::string& path) {
  return parse_counterexample(read_text_file(path, "the result"), path);
}

}  // namespace pasid
