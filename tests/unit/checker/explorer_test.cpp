#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "checker/explicit/explorer.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/spec/spec.hpp"
#include "model/catalog.hpp"
#include "same_result.hpp"
#include "spec_corpus.hpp"

using namespace pasid;

namespace {

Problem tiny() {
  Problem pb;
  pb.bounds = {1, 1, 1, 1, 1, 1};  // threads, processes, mms, devices, files, pasids
  pb.invariants = builtin_properties();
  return pb;
}

}  // namespace

// One thread, one process, one mm, one device, one file slot, one PASID.  With a single
// slot of each, clone, clone_vm, fork and exec never fire (no free slot) and no second
// open fits.  Write the state as (open file?, portal?, MSR valid?, PASID allocated?, alive?):
//   S  initial: alive, nothing else                     E  all dead (thread_exit from any)
//   A  open: fd, bond, PASID 1                         C  A then close: PASID kept, no bond
//   B  A + portal                                       D  B + fixup: MSR 1, activated
//   F  B - fd (the portal keeps the file)               G  F + fixup  (= D - fd)
//   H  D - portal (munmap)                              J  C + MSR, activated (G munmap, H close)
// Every other step leads back into this set (C --open--> A, J --open--> H, enqcmd loops,
// the fixup never refuses so sigsegv never fires).  10 states.  Shortest paths:
// S 0; A, E 1; B, C 2; D, F 3; G, H 4; J 5: depth 5.
TEST_CASE("explorer: the reachable states of the one-of-everything model, counted by hand") {
  ExplicitEngine engine;
  Result r = engine.check(tiny());
  CHECK(r.verdict == Verdict::holds);
  CHECK(r.stats.states == 10);
  CHECK(r.stats.depth == 5);
  CHECK(r.stats.rule_fired[4] == 0);  // sigsegv
  CHECK(r.stats.rule_fired[5] == 0);  // clone
}

TEST_CASE("explorer: the shortest counterexample, which replays") {
  Problem pb = tiny();
  pb.design.pasid_free = FreeSite::last_unbind;
  ExplicitEngine engine;
  Result r = engine.check(pb);
  REQUIRE(r.verdict == Verdict::violated);
  REQUIRE(r.counterexample);
  const Counterexample& cex = *r.counterexample;
  CHECK(cex.steps.size() == 2);  // open, close
  CHECK(std::string(rule_info(cex.steps[0].rule).name) == "open");
  CHECK(std::string(rule_info(cex.steps[1].rule).name) == "close");
  CHECK(std::string(invariant_info(cex.invariant).name) == "free_only_at_mm_exit");
  std::vector<Instance> path;
  for (const auto& s : cex.steps) path.push_back({s.rule, s.args});
  CHECK(replay_path(pb, path, cex.invariant));
  path.pop_back();
  CHECK_FALSE(replay_path(pb, path, cex.invariant));  // one step short breaks nothing
}

TEST_CASE("explorer: rule and premise statistics") {
  ExplicitEngine engine;
  Result r = engine.check(tiny());
  CHECK(r.stats.transitions > r.stats.states);
  int open = 0;
  for (int i = 0; i < kRuleCount; ++i)
    if (std::string(rule_info(i).name) == "open") open = i;
  CHECK(r.stats.rule_fired[static_cast<unsigned>(open)] == 3);  // from S, C and J
}

TEST_CASE("explorer: the memory limit stops the search with verdict unknown and a reason") {
  Problem pb = tiny();
  pb.bounds = {3, 2, 2, 1, 2, 2};
  pb.invariants = builtin_properties({"no_spurious_sigsegv"});  // B6
  pb.symmetry = false;
  // On two threads the search stops inside a run's expansion, at the state past the limit,
  // and counts the steps before it again (Search::count_again).
  for (int threads : {1, 2}) {
    CAPTURE(threads);
    SearchOptions options;
    options.max_memory_bytes = 1 << 20;
    options.threads = threads;
    Result r = ExplicitEngine(options).check(pb);
    CHECK(r.verdict == Verdict::unknown);
    CHECK(r.reason.find("memory limit of 1 MiB") != std::string::npos);
    CHECK(r.stats.states < 680589);  // the whole space without symmetry
    std::uint64_t fired = 0;
    for (std::uint64_t n : r.stats.rule_fired) fired += n;
    CHECK(fired == r.stats.transitions);
    CHECK(r.stats.transitions > r.stats.states);
  }
}

TEST_CASE("explorer: a design that takes a count past its range stops with verdict unknown") {
  // Under bond-pins-users (B4's rejected fix) a process that exits with its portal mapped
  // leaves its bond's file open for good, so a bond's users grow with every such round.
  Problem pb = tiny();
  pb.bounds = {2, 2, 2, 1, 2, 2};  // 49,623 states before it throws; 172,588 with 3 threads
  const DesignChange* leak = find_change(mutants(), "bond-pins-users");
  REQUIRE(leak);
  leak->apply(pb.design);
  pb.invariants = {builtin_property(find_invariant("pasid_in_range"))};  // never broken
  std::vector<Result> results;
  for (int threads : {1, 2}) {
    CAPTURE(threads);
    SearchOptions options;
    options.threads = threads;
    Result r = ExplicitEngine(options).check(pb);
    CHECK(r.verdict == Verdict::unknown);
    CHECK(r.reason.find(".users = 16 is outside its range (0 to 15): this design takes it past") !=
          std::string::npos);
    CHECK(r.stats.states > 0);
    results.push_back(r);
  }
  // The steps before the one that threw are counted, on one thread as on two.
  CHECK(results[0].stats.transitions > results[0].stats.states);
  test::check_same_counts(results[0].stats, results[1].stats);
}

TEST_CASE("explorer: progress is reported about once an interval while it runs") {
  Problem pb = tiny();
  pb.bounds = {2, 2, 2, 1, 2, 2};
  pb.invariants = builtin_properties({"no_spurious_sigsegv"});  // B6
  pb.symmetry = false;  // about 0.3 s: long enough for a few reports
  std::vector<Progress> seen;
  SearchOptions options;
  options.progress_interval_seconds = 0.05;  // the CLI's is a second
  options.on_progress = [&](const Progress& p) { seen.push_back(p); };
  Result r = ExplicitEngine(options).check(pb);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.size() <= static_cast<std::size_t>(r.stats.seconds / 0.05) + 1);
  for (const auto& p : seen) {
    CHECK(p.states > 0);
    CHECK(p.queue <= p.states);
    CHECK(p.memory_bytes > 0);
  }
}

// --threads: the successors of each run of states are computed by workers and added in the
// sequential order, so the verdict, the counterexample and every count are the same, up
// to the step where a violation stopped the search.  Three threads take blocks of a run in
// whatever order they come; the corpus has violations found early, late and never.
TEST_CASE("explorer: any number of threads gives the same result") {
  int compared = 0;
  for (const std::string& path : test::small_specs({"/specs", "/specs/written"})) {
    CAPTURE(path);
    Problem pb = read_spec(path).problem;
    SearchOptions three;
    three.threads = 3;
    Result a = ExplicitEngine().check(pb), b = ExplicitEngine(three).check(pb);
    test::check_same_result(a, b);
    ++compared;
  }
  CHECK(compared >= 30);
}

// --bitstate with room to spare misses nothing: the same states and counterexamples as the
// exact search (found by the same level-by-level path search), but never "holds": bits
// cannot prove that no state was missed.  On two threads, as the workers look bits up too.
TEST_CASE("explorer: a roomy bitstate search reaches what the exact one does, and proves nothing") {
  int compared = 0;
  for (const std::string& path : test::small_specs({"/specs"})) {
    CAPTURE(path);
    Problem pb = read_spec(path).problem;
    SearchOptions bits;
    bits.bitstate_bits = 26;
    bits.threads = 2;
    Result a = ExplicitEngine().check(pb), b = ExplicitEngine(bits).check(pb);
    CHECK(b.verdict == (a.verdict == Verdict::holds ? Verdict::unknown : a.verdict));
    CHECK(a.stats.states == b.stats.states);
    CHECK_FALSE(a.stats.bitstate.has_value());
    REQUIRE(b.stats.bitstate.has_value());
    CHECK(b.stats.bitstate->expected_missed < 1e-3);
    test::check_same_counterexample(a, b);
    if (!a.counterexample)
      CHECK(b.reason.find("bitstate hashing may have taken") != std::string::npos);
    ++compared;
  }
  CHECK(compared >= 25);
}

TEST_CASE("explorer: a bitstate table too small misses states and says so") {
  Problem pb = tiny();
  pb.bounds = {3, 2, 2, 1, 2, 2};
  pb.invariants = builtin_properties({"no_spurious_sigsegv"});  // B6
  SearchOptions bits;
  bits.bitstate_bits = 10;
  Result r = ExplicitEngine(bits).check(pb);
  Result exact = ExplicitEngine().check(pb);
  CHECK(r.verdict == Verdict::unknown);
  CHECK(exact.verdict == Verdict::holds);
  CHECK(r.stats.states < exact.stats.states);
  REQUIRE(r.stats.bitstate.has_value());
  CHECK(r.stats.bitstate->expected_missed > 100);
  CHECK(r.stats.bitstate->last_chance > 0.5);
}
