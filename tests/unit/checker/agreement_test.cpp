// The cross-check of `check --engine all`: which sets of results contradict each other.

#include <doctest/doctest.h>

#include "checker/agreement.hpp"

using namespace pasid;

namespace {

Result result(const char* engine, Verdict v, int length = -1, int depth = 0) {
  Result r;
  r.engine = engine;
  r.verdict = v;
  r.stats.depth = depth;
  if (length >= 0) {
    r.counterexample = Counterexample{};
    r.counterexample->steps.resize(static_cast<std::size_t>(length),
                                   TraceStep{0, {}, {}, initial_state<Concrete>()});
  }
  return r;
}

}  // namespace

TEST_CASE("engines agree when no definite verdicts differ") {
  CHECK(disagreement({result("explicit", Verdict::holds), result("bmc", Verdict::unknown, -1, 30),
                      result("kind", Verdict::unknown), result("pdr", Verdict::holds)})
            .empty());
  CHECK(disagreement({result("explicit", Verdict::violated, 4), result("bmc", Verdict::violated, 4),
                      result("pdr", Verdict::violated, 9)})
            .empty());
}

TEST_CASE("engines disagree on opposite verdicts, on BMC's length, or on a violation BMC missed") {
  CHECK(disagreement({result("explicit", Verdict::holds), result("pdr", Verdict::violated, 3)}) ==
        "explicit says holds, but pdr says violated at length 3");
  CHECK_FALSE(
      disagreement({result("explicit", Verdict::violated, 4), result("bmc", Verdict::violated, 5)})
          .empty());
  CHECK_FALSE(disagreement({result("explicit", Verdict::violated, 4),
                            result("bmc", Verdict::unknown, -1, 10)})
                  .empty());
  CHECK(disagreement(
            {result("explicit", Verdict::violated, 12), result("bmc", Verdict::unknown, -1, 10)})
            .empty());
}
