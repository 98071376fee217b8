// Every violating spec's shortest counterexample, printed as a kernel trace in the layout of
// each mapping, replays to the same invariant at the line of its last step, under the
// mapping detected from it: the replay cross-checked against the explicit engine on the
// whole spec corpus.

#include "checker/replay/ftrace_writer.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "checker/explicit/explorer.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/replay/run.hpp"
#include "checker/replay/source.hpp"
#include "checker/report/text.hpp"
#include "checker/spec/spec.hpp"

using namespace pasid;

TEST_CASE("ftrace writer: counterexamples replay to the same violation") {
  int checked = 0, with_exits = 0;
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
    for (const char* layout : {"linux-5.18", "linux-6.16"}) {
      CAPTURE(layout);
      replay::WrittenTrace t =
          replay::write_ftrace(spec.problem, *r.counterexample, *replay::layout_named(layout));
      REQUIRE(t.unprintable.empty());  // only design A's steps have no trace form
      auto path = std::filesystem::temp_directory_path() / "pasidcheck-writer-test.trace";
      std::ofstream(path) << t.text;
      const replay::Mapping& mapping =
          replay::detect_mapping(path.string(), replay::builtin_mappings());
      // A trace with no exit line says nothing of its layout: the first mapping reads it.
      if (t.text.find("sched_process_exit") != std::string::npos) {
        CHECK(mapping.name == layout);
        ++with_exits;
      }
      replay::ReplayRun run = replay::run_replay(path.string(), pb, mapping);
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
  }
  CHECK(checked >= 26);
  CHECK(with_exits >= 8);
}

TEST_CASE("ftrace writer: exits in each kernel's layout") {
  // A thread that exits alone in its group, as 5.18 to 6.15 and as 6.16 on print it.
  Problem pb;
  Counterexample cex{initial_state<Concrete>(), {}, kNone, {}};
  Args<Concrete> a;
  a.thread = 0;
  Log<Concrete> log;
  Instance exit{rule_index<ThreadExit>(), a};
  cex.steps.push_back({exit.rule, a, log, successor(pb, cex.initial, exit, log)});
  auto lines = [&](replay::ExitLayout layout) {
    std::string text = replay::write_ftrace(pb, cex, layout).text;
    auto mm = text.find("exit_mm_release:"), exit_line = text.find("sched_process_exit:");
    REQUIRE(mm != std::string::npos);
    REQUIRE(exit_line != std::string::npos);
    return std::pair{mm < exit_line, text};
  };
  auto [mm_first, old_text] = lines(replay::ExitLayout::linux_5_18);
  CHECK(mm_first);
  CHECK(old_text.find("group_dead") == std::string::npos);
  auto [mm_first_new, new_text] = lines(replay::ExitLayout::linux_6_16);
  CHECK_FALSE(mm_first_new);
  CHECK(new_text.find("prio=120 group_dead=true\n") != std::string::npos);
  CHECK(replay::default_layout("v6.19-early") == replay::ExitLayout::linux_6_16);
  CHECK(replay::default_layout("v6.x") == replay::ExitLayout::linux_5_18);
  CHECK(replay::default_layout("v5.18") == replay::ExitLayout::linux_5_18);
  CHECK_FALSE(replay::layout_named("linux-7.0"));
}
