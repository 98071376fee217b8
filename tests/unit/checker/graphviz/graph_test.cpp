#include <doctest/doctest.h>
#include <graphviz/cgraph.h>

#include <sstream>
#include <stdexcept>

#include "checker/explicit/explorer.hpp"
#include "checker/report/graph_dot.hpp"

using namespace pasid;

namespace {

Problem tiny(FreeSite free_at) {
  Problem pb;
  pb.design.pasid_free = free_at;
  pb.bounds = {1, 1, 1, 1, 1, 1};
  pb.invariants = builtin_properties();
  return pb;
}

}  // namespace

TEST_CASE("the state graph of the one-of-everything model: the 10 states counted by hand") {
  StateGraph g = explore_graph(tiny(FreeSite::mmdrop), 100);
  CHECK(g.states.size() == 10);
  CHECK(g.path.empty());
  CHECK_FALSE(g.bad_step);
  for (bool b : g.breaks) CHECK_FALSE(b);
  for (const auto& e : g.edges) CHECK_FALSE(e.breaks);
}

TEST_CASE("the state graph goes on past a violation and marks the counterexample") {
  StateGraph g = explore_graph(tiny(FreeSite::mmput), 100);
  CHECK(g.states.size() == 10);  // the same states: the bug is in a step, not a state
  REQUIRE(g.bad_step);
  CHECK(std::string(rule_info(g.bad_step->step.rule).name) == "thread_exit");
  CHECK(g.path == std::vector<std::uint32_t>{0, 1});  // open, then the breaking exit
  int broken = 0;
  for (const auto& e : g.edges) broken += e.breaks;
  CHECK(broken > 1);  // every exit with a PASID allocated frees it in __mmput
}

TEST_CASE("the state graph refuses more states than its limit") {
  CHECK_THROWS_AS(explore_graph(tiny(FreeSite::mmdrop), 5), std::length_error);
}

TEST_CASE("the state graph's DOT parses back with cgraph, one node per state") {
  Problem pb = tiny(FreeSite::mmput);
  StateGraph g = explore_graph(pb, 100);
  std::ostringstream dot;
  write_graph_dot(dot, pb, g);
  Agraph_t* parsed = agmemread(dot.str().c_str());
  REQUIRE(parsed);
  CHECK(agnnodes(parsed) == 10);
  CHECK(dot.str().find("color=red") != std::string::npos);
  agclose(parsed);
}
