#include <doctest/doctest.h>

#include "checker/explicit/explorer.hpp"
#include "checker/report/text.hpp"

using namespace pasid;

namespace {

Problem tiny(const Design& d = {}) {
  Problem pb;
  pb.design = d;
  pb.bounds = {1, 1, 1, 1, 1, 1};
  pb.invariants = builtin_properties();
  return pb;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  for (const auto& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace

TEST_CASE("vacuity: rules that never fired and premises that never held are warned about") {
  Problem pb = tiny();
  ExplicitEngine engine;
  Result r = engine.check(pb);
  auto w = vacuity_warnings(pb, r.stats);
  CHECK(contains(w, "rule sigsegv never fired"));
  CHECK(contains(w, "rule fork never fired"));
  CHECK(contains(
      w, "invariant no_spurious_sigsegv holds vacuously: some ENQCMD gets SIGSEGV never happened"));
  CHECK_FALSE(contains(w, "rule open never fired"));
  for (const auto& x : w) CHECK(x.find("msr_matches_mm") == std::string::npos);
}

TEST_CASE("the counterexample text: steps, changed fields, observations, broken invariants") {
  Design d;
  d.pasid_free = FreeSite::mmput;
  Problem pb = tiny(d);
  ExplicitEngine engine;
  Result r = engine.check(pb);
  REQUIRE(r.counterexample);
  std::string text = format_counterexample(pb, *r.counterexample);
  CHECK(text.find("counterexample: 2 steps") != std::string::npos);
  CHECK(text.find("  1. open(t0, dev0, f0, pasid 1)\n") != std::string::npos);
  CHECK(text.find("       mm0.pasid: none -> 1\n") != std::string::npos);
  CHECK(text.find("* PASID 1 of mm0 freed at __mmput with 1 bond(s) left") != std::string::npos);
  CHECK(text.find("  broken: free_only_at_mm_exit: ") != std::string::npos);
}

TEST_CASE("the statistics name every rule") {
  ExplicitEngine engine;
  Result r = engine.check(tiny());
  std::string text = format_stats(r.stats);
  for (int i = 0; i < kRuleCount; ++i) CHECK(text.find(rule_info(i).name) != std::string::npos);
  CHECK(text.find("states       10\n") != std::string::npos);
  CHECK(text.find("transitions  " + std::to_string(r.stats.transitions) + "\n") !=
        std::string::npos);
}

TEST_CASE("the statistics give states and successors generated per second") {
  Stats st;
  st.states = 100;
  st.transitions = 1250;
  st.seconds = 0.5;
  st.rule_fired.assign(kRuleCount, 0);
  st.pasid_frees_at.assign(kFreeSites, 0);
  std::string text = format_stats(st);
  CHECK(text.find("  states/s     200\n") != std::string::npos);
  CHECK(text.find("  generated/s  2500\n") != std::string::npos);
  st.seconds = 0;  // too short to time: no division by zero
  CHECK(format_stats(st).find("  generated/s  0\n") != std::string::npos);
}
