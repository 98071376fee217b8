#include <doctest/doctest.h>

#include <cstring>

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
