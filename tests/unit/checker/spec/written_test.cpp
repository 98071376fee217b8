// The built-in invariants written in the formula language (specs/written/) give the same
// verdict, the same counterexample and, where both use the same symmetry reduction, the
// same number of states as the built-in forms, on every spec of the corpus but the
// `-large` ones (the same designs and invariants as the `-default` ones, at bounds that take
// a minute to check twice).  Run by ctest as `written/equivalence` (slow: it checks the
// corpus twice).

#include <doctest/doctest.h>

#include "checker/explicit/explorer.hpp"
#include "checker/report/text.hpp"
#include "spec_corpus.hpp"
#include "written_forms.hpp"

using namespace pasid;

namespace {

void same_counterexample(const Problem& a, const Counterexample& x, const Problem& b,
                         const Counterexample& y) {
  CHECK(broken_name(a, x) + "_w" == broken_name(b, y));
  REQUIRE(x.steps.size() == y.steps.size());
  for (std::size_t i = 0; i < x.steps.size(); ++i)
    CHECK(instance_name(x.steps[i].rule, x.steps[i].args) ==
          instance_name(y.steps[i].rule, y.steps[i].args));
}

}  // namespace

TEST_CASE("written forms of the built-in invariants agree with them on every spec" *
          doctest::skip(true)) {
  auto forms = test::written_forms();
  REQUIRE(forms.size() == static_cast<std::size_t>(kInvariantCount));
  int compared = 0;
  for (const std::string& path : test::small_specs({"/specs", "/specs/smt"})) {
    CAPTURE(path);
    Spec spec = read_spec(path);
    if (path.find("/written-") != std::string::npos) continue;  // written already
    Problem written = spec.problem;
    bool symmetric = true;
    for (Property& p : written.invariants)
      if (p.builtin >= 0) {
        p = forms.at(p.name);
        symmetric = symmetric && !p.names_pasids();
      }
    Result a = ExplicitEngine().check(spec.problem);
    Result b = ExplicitEngine().check(written);
    CHECK(a.verdict == b.verdict);
    if (symmetric) CHECK(a.stats.states == b.stats.states);
    REQUIRE(a.counterexample.has_value() == b.counterexample.has_value());
    if (a.counterexample)
      same_counterexample(spec.problem, *a.counterexample, written, *b.counterexample);
    ++compared;
  }
  CHECK(compared >= 15);
}
