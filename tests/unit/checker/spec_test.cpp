#include <doctest/doctest.h>

#include "checker/error.hpp"
#include "checker/spec/spec.hpp"

using namespace pasid;

namespace {

const char* kGood = R"({
  "variant": "v5.18-merge",
  "mutants": ["fork-copies-msr"],
  "bounds": {"processes": 2, "threads": 3, "mms": 2, "devices": 1, "pasids": 2},
  "invariants": ["unique_owner", "fresh_child"],
  "expect": {"verdict": "violated", "invariant": "fresh_child", "length": 4}
})";

std::string error_of(const std::string& text) {
  try {
    parse_spec(text, "s.json");
  } catch (const InputError& e) {
    return e.formatted();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a spec: variant, mutants, bounds, invariants, expectation") {
  Spec s = parse_spec(kGood, "s.json");
  CHECK(s.problem.design.pasid_free == FreeSite::mmput);
  CHECK(s.problem.design.fork_copies_msr);
  CHECK(s.problem.bounds.threads == 3);
  CHECK(s.problem.bounds.files == 2);  // devices * processes
  CHECK(s.problem.invariants.size() == 2);
  REQUIRE(s.expect);
  CHECK(s.expect->verdict == Verdict::violated);
  CHECK(s.expect->length == 4);
}

TEST_CASE("invariants default to all") {
  Spec s = parse_spec(
      R"({"bounds": {"processes": 1, "threads": 1, "mms": 1, "devices": 1, "pasids": 1}})",
      "s.json");
  CHECK(s.problem.invariants.size() == static_cast<std::size_t>(kInvariantCount));
  CHECK(s.variant == "v5.18");
}

TEST_CASE("spec errors name the line and column") {
  CHECK(error_of("{\n  \"bounds\": {,}\n}") ==
        "s.json:2:14: error: expected a string key, found ','");
  CHECK(error_of("{\"bounds\": {}, \"colour\": 1}") ==
        "s.json:1:16: error: unknown field \"colour\" in the spec (expected one of: description, "
        "variant, mutants, bounds, invariants, expect)");
  CHECK(error_of("{\"variant\": \"v4\"}") ==
        "s.json:1:13: error: unknown variant \"v4\" (known: v5.10, v5.18, v5.18-merge, v6.x, "
        "v6.19-early)");
  CHECK(error_of("[1]") == "s.json:1:1: error: the spec must be an object, not an array");
  CHECK(error_of("") == "s.json:1:1: error: expected a JSON value, found end of file");
  CHECK(error_of("{\"a\": 1, \"a\": 2}") == "s.json:1:10: error: duplicate key \"a\"");
}

TEST_CASE("bounds errors") {
  auto with = [](const std::string& bounds) { return error_of("{\"bounds\": {" + bounds + "}}"); };
  std::string rest = "\"processes\": 1, \"mms\": 1, \"devices\": 1, \"pasids\": 1";
  CHECK(with("\"threads\": 0, " + rest) ==
        "s.json:1:24: error: bounds.threads must be at least 1, not 0");
  CHECK(with("\"threads\": -3, " + rest) ==
        "s.json:1:24: error: bounds.threads must be at least 1, not -3");
  CHECK(with("\"threads\": 9, " + rest) ==
        "s.json:1:24: error: bounds.threads is 9, over the model's limit of 8");
  CHECK(with("\"threads\": 1.5, " + rest) ==
        "s.json:1:24: error: bounds.threads must be a whole number, not 1.5");
  CHECK(with("\"threads\": \"2\", " + rest) ==
        "s.json:1:24: error: bounds.threads must be a whole number, not a string");
  CHECK(with(rest) == "s.json:1:12: error: \"bounds\" has no \"threads\"");
  CHECK(with("\"threads\": 99999999999999999999, " + rest) ==
        "s.json:1:24: error: bounds.threads must be a whole number, not 99999999999999999999");
}

TEST_CASE("invariant, mutant and expectation errors") {
  std::string b =
      "\"bounds\": {\"processes\": 1, \"threads\": 1, \"mms\": 1, \"devices\": 1, \"pasids\": 1}";
  CHECK(error_of("{" + b + ", \"invariants\": [\"no_such\"]}")
            .find("unknown invariant \"no_such\"") != std::string::npos);
  CHECK(error_of("{" + b + ", \"mutants\": [\"x\"]}").find("unknown mutant \"x\"") !=
        std::string::npos);
  CHECK(error_of("{" + b + ", \"expect\": {\"verdict\": \"violated\"}}")
            .find("must name its \"invariant\"") != std::string::npos);
  CHECK(error_of("{" + b + ", \"invariants\": []}").find("is empty") != std::string::npos);
}

TEST_CASE("expectation_mismatch") {
  Expectation want{Verdict::holds, "", -1};
  Problem pb;
  pb.invariants = builtin_properties();
  Result got;
  got.verdict = Verdict::holds;
  CHECK(expectation_mismatch(want, pb, got).empty());
  got.verdict = Verdict::violated;
  CHECK(expectation_mismatch(want, pb, got) == "expected holds, got violated");
  want = {Verdict::violated, "fresh_child", 4};
  got.counterexample = Counterexample{initial_state<Concrete>(), {}, 5, {5}};
  CHECK(expectation_mismatch(want, pb, got) == "expected a counterexample of length 4, got 0");
  got.counterexample->broken = {3};  // unique_owner
  CHECK(expectation_mismatch(want, pb, got) ==
        "expected fresh_child broken, got unique_owner; expected a counterexample of length 4, got "
        "0");
}
