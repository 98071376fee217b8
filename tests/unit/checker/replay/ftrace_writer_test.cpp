// Every violating spec's shortest counterexample, printed as a kernel trace, replays to the
// same invariant at the line of its last step: the replay cross-checked against the
// explicit engine on the whole spec corpus.

#include "checker/replay/ftrace_writer.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "checker/explicit/explorer.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/replay/run.hpp"
#include "checker/report/text.hpp"
#include "checker/spec/spec.hpp"

using namespace pasid;

TEST_CASE("ftrace writer: counterexamples replay to the same violation") {
  int checked = 0;
  auto dir = std::filesystem::path(PASIDCHECK_SOURCE_DIR) / "specs";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    Spec spec = read_spec(entry.path().string());
    if (!spec.expect || spec.expect->verdict != Verdict::violated) continue;
    if (spec.problem.design.pasid_by_ipi) continue;  // design A: no kernel trace format
    CAPTURE(entry.path().filename().string());
    Result r = ExplicitEngine().check(spec.problem);
    REQUIRE(r.counterexample);
    // The replay checks the spec's invariants, all of them given slots enough for any trace.
    std::vector<std::string> names;
    for (const auto& p : spec.problem.invariants) names.push_back(p.name);
    Problem pb = replay::replay_problem(spec.problem.design, names);
    replay::WrittenTrace t = replay::write_ftrace(spec.problem, *r.counterexample);
    REQUIRE(t.unprintable.empty());  // only design A's steps have no trace form
    auto path = std::filesystem::temp_directory_path() / "pasidcheck-writer-test.trace";
    std::ofstream(path) << t.text;
    replay::ReplayRun run =
        replay::run_replay(path.string(), pb, replay::builtin_mappings().front());
    REQUIRE(run.result.verdict == replay::ReplayVerdict::violates);
    CHECK(run.result.line == t.step_lines.back());
    std::vector<Instance> steps;
    for (const auto& st : r.counterexample->steps) steps.push_back({st.rule, st.args});
    auto expected = replay_path(pb, steps);
    REQUIRE(expected);
    CHECK(pb.invariants[static_cast<unsigned>(run.result.invariant)].name ==
          broken_name(pb, *expected));
    REQUIRE(run.counterexample);
    CHECK(run.counterexample->steps.size() >= r.counterexample->steps.size());
    ++checked;
  }
  CHECK(checked >= 13);
}
