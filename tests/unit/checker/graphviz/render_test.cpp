#include <doctest/doctest.h>
#include <graphviz/cgraph.h>

#include <fstream>
#include <sstream>

#include "checker/explicit/explorer.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/graphviz/render.hpp"
#include "checker/report/dot.hpp"
#include "checker/spec/spec.hpp"

using namespace pasid;

namespace {

const std::string kSource = PASIDCHECK_SOURCE_DIR;

struct Drawn {
  Spec spec;
  Result result;
  std::string dot;
};

Drawn draw(const std::string& spec_name) {
  Drawn d{read_spec(kSource + "/specs/" + spec_name + ".json"), {}, {}};
  d.result = ExplicitEngine().check(d.spec.problem);
  REQUIRE(d.result.counterexample);
  std::ostringstream out;
  write_dot(out, d.spec.problem, *d.result.counterexample);
  d.dot = out.str();
  return d;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("DOT of a counterexample: the saved golden file") {
  Drawn d = draw("mutant-clone-copies-msr");
  CHECK(d.dot == slurp(kSource + "/tests/golden/mutant-clone-copies-msr.dot"));
}

TEST_CASE("DOT of a counterexample parses back with cgraph, one cell per lane and row") {
  Drawn d = draw("v5.18-b6-activated-survives-exec");
  Agraph_t* g = agmemread(d.dot.c_str());
  REQUIRE(g);
  const auto& cex = *d.result.counterexample;
  int lanes = 0;
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
    lanes += std::string(agnameof(n)).rfind("c0_", 0) == 0;
  // rows: the header and one per step; plus an event box per row and the broken invariant
  int rows = static_cast<int>(cex.steps.size()) + 1;
  CHECK(agnnodes(g) == rows * lanes + rows + 1);
  CHECK(lanes == 8);  // t0, proc0, mm0, mm1, file0, file1, dev0, the allocator
  agclose(g);
}

TEST_CASE("the SVG names every event of the trace and the broken invariant") {
  Drawn d = draw("v5.18-b6-activated-survives-exec");
  std::string svg = render_dot(d.dot, "svg");
  CHECK(svg.find("<svg") != std::string::npos);
  const auto& cex = *d.result.counterexample;
  for (std::size_t i = 0; i < cex.steps.size(); ++i) {
    std::string event =
        std::to_string(i + 1) + ". " + instance_name(cex.steps[i].rule, cex.steps[i].args);
    CAPTURE(event);
    CHECK(svg.find(event) != std::string::npos);
  }
  CHECK(svg.find("broken: no_spurious_sigsegv") != std::string::npos);
}

TEST_CASE("render_dot refuses what Graphviz cannot read") {
  CHECK_THROWS_AS(render_dot("digraph {", "svg"), std::runtime_error);
}
