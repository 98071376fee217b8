#include <doctest/doctest.h>

#include <cstring>
#include <initializer_list>
#include <random>
#include <utility>

#include "checker/explicit/explorer.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/explicit/symmetry.hpp"
#include "walk.hpp"

using namespace pasid;

namespace {

bool same(const State<Concrete>& a, const State<Concrete>& b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

State<Concrete> canon(State<Concrete> s, const Bounds& b) {
  canonicalize(s, b);
  return s;
}

Problem all_invariants() {
  Problem pb;
  pb.invariants = builtin_properties();
  return pb;
}

}  // namespace

TEST_CASE("symmetry: the representative is a renaming with the same invariant verdicts") {
  Problem pb = all_invariants();
  Log<Concrete> none;
  for (const auto& s : test::random_walks(pb, 20, 20, 7)) {
    State<Concrete> c = canon(s, pb.bounds);
    CHECK(same(canon(c, pb.bounds), c));  // idempotent
    for (int i = 0; i < kInvariantCount; ++i)
      CHECK(invariant_holds(i, pb.bounds, s, none, s) == invariant_holds(i, pb.bounds, c, none, c));
    int alive = 0, alive_c = 0;
    for (int t = 0; t < pb.bounds.threads; ++t)
      alive += s.threads[t].alive, alive_c += c.threads[t].alive;
    CHECK(alive == alive_c);
  }
}

TEST_CASE("symmetry: two threads swapped have one representative") {
  Bounds b;
  State<Concrete> s = initial_state<Concrete>();
  s.threads[1] = {true, 0, true, 1, true, false, false, false, 0};
  s.mms[0].users = 2;
  State<Concrete> t = s;
  std::swap(t.threads[0], t.threads[1]);
  CHECK_FALSE(same(s, t));
  CHECK(same(canon(s, b), canon(t, b)));
}

TEST_CASE("symmetry: two processes on swapped mms have one representative") {
  Bounds b;
  State<Concrete> s = initial_state<Concrete>();
  s.threads[1] = {true, 1, false, 0, false, false, false, false, 0};
  s.procs[1].mm = 1;
  s.mms[1] = s.mms[0];
  s.mms[0].pasid = 1;
  s.alloc.owner[0] = 0;
  State<Concrete> t = s;  // the same situation with process and mm slots swapped
  std::swap(t.procs[0], t.procs[1]);
  std::swap(t.mms[0], t.mms[1]);
  t.procs[0].mm = 0, t.procs[1].mm = 1;
  t.threads[0].proc = 1, t.threads[1].proc = 0;
  std::swap(t.threads[0], t.threads[1]);
  t.alloc.owner[0] = 1;
  CHECK_FALSE(same(s, t));
  CHECK(same(canon(s, b), canon(t, b)));
}

TEST_CASE("symmetry: fewer states, the same verdict and counterexample length") {
  Problem pb = all_invariants();
  pb.bounds = {2, 2, 2, 1, 2, 2};
  pb.invariants = builtin_properties({"no_spurious_sigsegv"});  // B6
  ExplicitEngine engine;
  Result with = engine.check(pb);
  pb.symmetry = false;
  Result without = engine.check(pb);
  CHECK(with.verdict == Verdict::holds);
  CHECK(without.verdict == Verdict::holds);
  CHECK(with.stats.states < without.stats.states);
  pb.design.fork_copies_msr = true;
  Result a = engine.check(pb);
  pb.symmetry = true;
  Result b = engine.check(pb);
  REQUIRE(a.counterexample);
  REQUIRE(b.counterexample);
  CHECK(a.counterexample->steps.size() == b.counterexample->steps.size());
}

TEST_CASE("symmetry: canonicalize returns the renaming it applied, which inverts") {
  Problem pb = all_invariants();
  for (const auto& s : test::random_walks(pb, 20, 20, 11)) {
    State<Concrete> c = s;
    Renaming r = canonicalize(c, pb.bounds);
    State<Concrete> again = s;
    rename(again, pb.bounds, r);
    CHECK(same(again, c));
    rename(again, pb.bounds, r.inverse());
    CHECK(same(again, s));
    CHECK(same(canon(s, pb.bounds), canon(again, pb.bounds)));
  }
}

TEST_CASE("symmetry: a renamed state takes the renamed steps to the renamed successors") {
  Problem pb = all_invariants();
  auto instances = rule_instances(pb.bounds);
  Log<Concrete> log;
  int compared = 0;
  for (const auto& s : test::random_walks(pb, 10, 20, 5)) {
    State<Concrete> c = s;
    Renaming r = canonicalize(c, pb.bounds);
    for (const Instance& in : instances) {
      if (!rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) continue;
      Instance moved = rename(in, r);
      // A new slot is the lowest free one: in c that may be another, alike, slot.
      if (!rule_guard(moved.rule, c, pb.bounds, pb.design, moved.args)) continue;
      State<Concrete> next = successor(pb, s, in, log);
      rename(next, pb.bounds, r);
      CHECK(same(successor(pb, c, moved, log), next));
      ++compared;
    }
  }
  CHECK(compared > 500);
}

TEST_CASE("symmetry: a freed PASID a thread still names keeps its value, and so do the others") {
  Bounds b;
  State<Concrete> s = initial_state<Concrete>();
  s.threads[0].msr_valid = true;  // a stale MSR: PASID 1 is free
  s.threads[0].msr_pasid = 1;
  State<Concrete> c = s;
  Renaming r = canonicalize(c, b);
  // Unpinned, the unnamed PASID 2 would sort first.  But the next bind takes the lowest
  // free PASID, the stale one here, not in the renaming.
  CHECK(c.threads[0].msr_pasid == 1);
  CHECK(r.to[Renaming::pasid][0] == 0);
  CHECK(r.to[Renaming::pasid][1] == 1);
  s.threads[0].msr_valid = false;  // no free PASID is named: they are alike again
  s.threads[0].msr_pasid = 0;
  s.mms[0].pasid = 2;
  s.alloc.owner[1] = 0;
  c = canon(s, b);
  CHECK(c.mms[0].pasid == 1);
  CHECK(c.alloc.owner[0] == 0);
}

TEST_CASE("symmetry: instances with one orbit key take renamed steps from renamed states") {
  // k-induction proves its lemmas for one instance of each orbit_key: sound only if the
  // guard and the effect of such an instance commute with any renaming of thread, file and
  // device slots, in every design.
  std::mt19937 rng(3);
  int compared = 0;
  auto check = [&](const DesignChange& change) {
    Problem pb = all_invariants();
    pb.bounds = {3, 2, 2, 2, 2, 2};  // threads, processes, mms, devices, files, pasids
    change.apply(pb.design);
    const Bounds& b = pb.bounds;
    auto instances = rule_instances(b);
    Log<Concrete> log;
    for (const auto& s : test::random_walks(pb, 6, 25, 11)) {
      Renaming r = Renaming::identity();
      for (auto [sort, n] : {std::pair{Renaming::thread, b.threads},
                             {Renaming::file, b.files},
                             {Renaming::device, b.devices}})
        for (int i = n - 1; i > 0; --i) r.swap_after(sort, i, static_cast<int>(rng() % (i + 1)));
      State<Concrete> moved_s = s;
      rename(moved_s, b, r);
      for (const Instance& in : instances) {
        if (orbit_key(in).empty()) continue;
        Instance moved = rename(in, r);
        CHECK(orbit_key(moved) == orbit_key(in));
        bool enabled = rule_guard(in.rule, s, b, pb.design, in.args);
        REQUIRE(rule_guard(moved.rule, moved_s, b, pb.design, moved.args) == enabled);
        if (!enabled) continue;
        State<Concrete> next = successor(pb, s, in, log);
        rename(next, b, r);
        CHECK(same(successor(pb, moved_s, moved, log), next));
        ++compared;
      }
    }
  };
  for (const auto& v : variants()) check(v);
  for (const auto& m : mutants()) check(m);
  CHECK(compared > 2000);
}

TEST_CASE("symmetry: orbit keys name the rule and each argument's rank in its sort") {
  auto key = [](int rule, std::initializer_list<std::pair<Param, int>> args) {
    Instance in{rule, Args<Concrete>{}};
    for (auto [p, v] : args) param_slot(in.args, p) = v;
    return orbit_key(in);
  };
  CHECK(key(rule_index<Sigsegv>(), {{Param::thread, 2}, {Param::file, 1}}) ==
        key(rule_index<Sigsegv>(), {{Param::thread, 0}, {Param::file, 0}}));
  CHECK(key(rule_index<Sigsegv>(), {{Param::thread, 0}, {Param::file, 0}}) !=
        key(rule_index<Munmap>(), {{Param::thread, 0}, {Param::file, 0}}));
  CHECK(key(rule_index<ThreadExit>(), {{Param::thread, 1}}) ==
        key(rule_index<ThreadExit>(), {{Param::thread, 2}}));
  CHECK(key(rule_index<Clone>(), {{Param::thread, 0}, {Param::new_thread, 1}}).empty());
  // An mm is not renamed: exec into mm 1 is one orbit whichever thread runs it, and
  // another than exec into mm 0.
  CHECK(key(rule_index<Exec>(), {{Param::thread, 0}, {Param::new_mm, 1}}) ==
        key(rule_index<Exec>(), {{Param::thread, 2}, {Param::new_mm, 1}}));
  CHECK(key(rule_index<Exec>(), {{Param::thread, 0}, {Param::new_mm, 1}}) !=
        key(rule_index<Exec>(), {{Param::thread, 0}, {Param::new_mm, 0}}));
}
