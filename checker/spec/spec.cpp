#include "spec.hpp"

#include <algorithm>

#include "checker/error.hpp"
#include "json.hpp"
#include "json_checks.hpp"
#include "written.hpp"

namespace pasid {

namespace {

/// Bound `key` of the bounds object `obj` of `file`, from 1 to `limit`; `fallback` when it
/// is not there and not `required`.
int bound(const std::string& file, const Json& obj, const char* key, int limit, bool required,
          int fallback) {
  const Json* v = obj.find(key);
  if (!v) {
    if (required) fail_at(file, obj, std::string("\"bounds\" has no \"") + key + "\"");
    return fallback;
  }
  std::string what = std::string("bounds.") + key;
  if (v->kind != Json::Kind::number || !v->is_integer)
    fail_at(file, *v,
            what + " must be a whole number, not " +
                (v->kind == Json::Kind::number ? v->string : kind_name(v->kind)));
  if (v->integer < 1)
    fail_at(file, *v, what + " must be at least 1, not " + std::to_string(v->integer));
  if (v->integer > limit)
    fail_at(file, *v,
            what + " is " + v->string + ", over the model's limit of " + std::to_string(limit));
  return static_cast<int>(v->integer);
}

class SpecReader {
 public:
  SpecReader(const std::string& file, std::string_view text) : file_(file), text_(text) {}

  Spec read(const Json& root) {
    Spec spec;
    spec.file = file_;
    expect_kind(root, Json::Kind::object, "the spec");
    check_keys(root, {"description", "variant", "mutants", "bounds", "invariants", "expect"},
               "the spec");
    if (const Json* d = root.find("description")) spec.description = text(*d, "description");
    if (const Json* v = root.find("variant")) spec.variant = text(*v, "variant");
    const DesignChange* variant = find_change(variants(), spec.variant);
    if (!variant)
      fail(*root.find("variant"),
           "unknown variant \"" + spec.variant + "\" (known: " + names(variants()) + ")");
    variant->apply(spec.problem.design);
    if (const Json* m = root.find("mutants")) read_mutants(*m, spec);
    const Json* bounds = root.find("bounds");
    if (!bounds) fail(root, "the spec has no \"bounds\"");
    spec.problem.bounds = read_bounds(*bounds, file_);
    read_invariants(root.find("invariants"), spec.problem);
    if (const Json* e = root.find("expect")) spec.expect = read_expect(*e, spec.problem);
    return spec;
  }

 private:
  const std::string& file_;
  std::string_view text_;

  [[noreturn]] void fail(const Json& at, const std::string& msg) const {
    pasid::fail_at(file_, at, msg);
  }
  [[noreturn]] void fail_at(std::pair<int, int> at, const std::string& msg) const {
    throw InputError(file_, at.first, at.second, msg);
  }

  void expect_kind(const Json& v, Json::Kind k, const std::string& what) const {
    pasid::expect_kind(file_, v, k, what);
  }

  std::string text(const Json& v, const std::string& what) const {
    return json_text(file_, v, what);
  }

  void check_keys(const Json& obj, std::initializer_list<std::string_view> known,
                  const std::string& where) const {
    pasid::check_keys(file_, obj, known, where);
  }

  static std::string names(std::span<const DesignChange> list) {
    std::string s;
    for (const auto& c : list) s += (s.empty() ? "" : ", ") + std::string(c.name);
    return s;
  }

  void read_mutants(const Json& m, Spec& spec) const {
    expect_kind(m, Json::Kind::array, "\"mutants\"");
    for (const Json& item : m.items) {
      std::string name = text(item, "mutants");
      const DesignChange* mutant = find_change(mutants(), name);
      if (!mutant) fail(item, "unknown mutant \"" + name + "\" (known: " + names(mutants()) + ")");
      if (!changes(*mutant, spec.problem.design))
        fail(item, changes_nothing(name, spec.variant, !spec.mutants.empty()));
      mutant->apply(spec.problem.design);
      spec.mutants.push_back(name);
    }
  }

  void read_invariants(const Json* v, Problem& problem) const {
    problem.invariants.clear();
    if (!v || (v->kind == Json::Kind::string && v->string == "all")) {
      for (int i = 0; i < kInvariantCount; ++i) problem.invariants.push_back(builtin_property(i));
      return;
    }
    if (v->kind != Json::Kind::array)
      fail(*v,
           std::string("\"invariants\" must be \"all\" or an array, not ") + kind_name(v->kind));
    if (v->items.empty()) fail(*v, "\"invariants\" is empty: there is nothing to check");
    for (const Json& item : v->items) {
      if (problem.invariants.size() == kMaxInvariants)
        fail(item, "more than " + std::to_string(kMaxInvariants) +
                       " invariants: split them between specs");
      Property p = item.kind == Json::Kind::object ? read_written(item, text_, file_)
                                                   : builtin_property(invariant(item));
      for (const Property& q : problem.invariants)
        if (q.name == p.name) fail(item, "invariant \"" + p.name + "\" is listed twice");
      if (p.builtin < 0 && find_invariant(p.name) >= 0)
        fail(item, "\"" + p.name + "\" is the name of a built-in invariant: choose another");
      problem.invariants.push_back(std::move(p));
    }
  }

  int invariant(const Json& item) const {
    std::string name = text(item, "invariants");
    int i = find_invariant(name);
    if (i < 0)
      fail(item, "unknown invariant \"" + name + "\" (run 'pasidcheck list' for the known ones)");
    return i;
  }

  /// The name of one of the problem's invariants.
  std::string checked_name(const Json& item, const Problem& problem) const {
    std::string name = text(item, "invariant");
    for (const Property& p : problem.invariants)
      if (p.name == name) return name;
    fail(item, "the spec does not check \"" + name + "\"");
  }

  Expectation read_expect(const Json& e, const Problem& problem) const {
    expect_kind(e, Json::Kind::object, "\"expect\"");
    check_keys(e, {"verdict", "invariant", "length"}, "\"expect\"");
    Expectation x;
    const Json* verdict = e.find("verdict");
    if (!verdict) fail(e, "\"expect\" has no \"verdict\"");
    std::string v = text(*verdict, "verdict");
    if (v == "holds")
      x.verdict = Verdict::holds;
    else if (v == "violated")
      x.verdict = Verdict::violated;
    else
      fail(*verdict, "expect.verdict must be \"holds\" or \"violated\", not \"" + v + "\"");
    if (const Json* inv = e.find("invariant")) x.invariant = checked_name(*inv, problem);
    if (x.verdict == Verdict::violated && x.invariant.empty())
      fail(e, "an expected violation must name its \"invariant\"");
    if (const Json* len = e.find("length")) {
      if (len->kind != Json::Kind::number || !len->is_integer || len->integer < 0 ||
          len->integer > 100000)
        fail(*len, "expect.length must be a whole number from 0 to 100000");
      x.length = static_cast<int>(len->integer);
    }
    return x;
  }
};

}  // namespace

Bounds read_bounds(const Json& obj, const std::string& file) {
  expect_kind(file, obj, Json::Kind::object, "\"bounds\"");
  check_keys(file, obj, {"threads", "processes", "mms", "devices", "pasids", "files"},
             "\"bounds\"");
  Bounds b;
  b.threads = bound(file, obj, "threads", kMaxThreads, true, 0);
  b.processes = bound(file, obj, "processes", kMaxProcesses, true, 0);
  b.mms = bound(file, obj, "mms", kMaxMms, true, 0);
  b.devices = bound(file, obj, "devices", kMaxDevices, true, 0);
  b.pasids = bound(file, obj, "pasids", kMaxPasids, true, 0);
  int files = std::min(b.devices * b.processes, kMaxFiles);
  b.files = bound(file, obj, "files", kMaxFiles, false, files);
  return b;
}

Spec parse_spec(std::string_view text, const std::string& file) {
  Json root = parse_json(text, file);
  return SpecReader(file, text).read(root);
}

Spec read_spec(const std::string& path) {
  return parse_spec(read_text_file(path, "the spec"), path);
}

}  // namespace pasid

namespace pasid {

std::string expectation_mismatch(const Expectation& want, const Problem& pb, const Result& got) {
  std::string why;
  if (got.verdict != want.verdict)
    return std::string("expected ") + verdict_name(want.verdict) + ", got " +
           verdict_name(got.verdict);
  if (!got.counterexample) return why;
  std::string names;
  bool found = false;
  for (int b : got.counterexample->broken) {
    const std::string& name = pb.invariants[static_cast<unsigned>(b)].name;
    found = found || want.invariant == name;
    names += (names.empty() ? "" : ", ") + name;
  }
  if (!found) why += "expected " + want.invariant + " broken, got " + names + "; ";
  int len = static_cast<int>(got.counterexample->steps.size());
  if (want.length >= 0 && len != want.length)
    why += "expected a counterexample of length " + std::to_string(want.length) + ", got " +
           std::to_string(len) + "; ";
  if (!why.empty()) why.resize(why.size() - 2);
  return why;
}

}  // namespace pasid
