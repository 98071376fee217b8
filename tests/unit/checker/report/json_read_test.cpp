// `check --json` then `show`: what the result reader takes back is the counterexample the
// search found, for built-in and written invariants alike.
#include <doctest/doctest.h>

#include <string>

#include "checker/error.hpp"
#include "checker/explicit/explorer.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/report/json.hpp"
#include "checker/report/json_read.hpp"
#include "checker/spec/spec.hpp"

using namespace pasid;

namespace {

/// The steps of a counterexample as calls ("open(t0, dev0, f0, pasid 1)"), for comparing two.
std::string steps_of(const Counterexample& cex) {
  std::string s;
  for (const auto& st : cex.steps) s += instance_name(st.rule, st.args) + ";";
  return s;
}

}  // namespace

TEST_CASE("result reader: a saved counterexample reads back as the search found it") {
  for (const char* name : {"/specs/mutant-fork-copies-msr.json", "/specs/mutant-free-at-close.json",
                           "/specs/written/example-bond-pasids-distinct-merge.json",
                           "/specs/written/example-submit-translates.json"}) {
    CAPTURE(name);
    Spec spec = read_spec(std::string(PASIDCHECK_SOURCE_DIR) + name);
    Result r = ExplicitEngine().check(spec.problem);
    REQUIRE(r.counterexample);
    SavedCounterexample back = parse_counterexample(result_json(spec, r).dump(2), "saved.json");
    CHECK(back.problem.bounds == spec.problem.bounds);
    REQUIRE(back.problem.invariants.size() == spec.problem.invariants.size());
    for (std::size_t i = 0; i < spec.problem.invariants.size(); ++i)
      CHECK(back.problem.invariants[i].name == spec.problem.invariants[i].name);
    CHECK(back.counterexample.invariant == r.counterexample->invariant);
    CHECK(back.counterexample.broken == r.counterexample->broken);
    CHECK(steps_of(back.counterexample) == steps_of(*r.counterexample));
    CHECK(back.counterexample.steps.back().after == r.counterexample->steps.back().after);
  }
}

TEST_CASE("result reader: what is wrong is named where it is") {
  Spec spec = read_spec(std::string(PASIDCHECK_SOURCE_DIR) + "/specs/mutant-free-at-close.json");
  Result r = ExplicitEngine().check(spec.problem);
  REQUIRE(r.counterexample);
  std::string text = result_json(spec, r).dump(2);
  // The first step's rule, renamed: its line is the one with the first "rule" key.
  const std::string key = "\"rule\": \"open\"";
  std::size_t at = text.find(key);
  REQUIRE(at != std::string::npos);
  text.replace(at, key.size(), "\"rule\": \"opne\"");
  int line = 1;
  for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
  int col = static_cast<int>(at - text.rfind('\n', at)) + 8;  // the value, after `"rule": `
  try {
    parse_counterexample(text, "saved.json");
    FAIL("a result with an unknown rule was read");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "unknown rule \"opne\"");
    CHECK(e.line() == line);
    CHECK(e.col() == col);
  }
}
