// The whole parallel search, which .ci/test also runs under ThreadSanitizer: the workers
// expand a run of states (reading the table, the arena and their own caches of
// representatives) while the search adds the run before.  Problems built here, not read
// from specs, so that the ThreadSanitizer build needs only the model and the explicit
// engine; bounds small enough for its pace, large enough for several runs.
#include <doctest/doctest.h>

#include <initializer_list>

#include "checker/explicit/explorer.hpp"
#include "model/catalog.hpp"
#include "same_result.hpp"

using namespace pasid;

namespace {

Problem design(const char* variant, const char* mutant, Bounds bounds,
               std::initializer_list<const char*> invariants) {
  Problem pb;
  const DesignChange* v = find_change(variants(), variant);
  REQUIRE(v);
  v->apply(pb.design);
  if (mutant) {
    const DesignChange* m = find_change(mutants(), mutant);
    REQUIRE(m);
    m->apply(pb.design);
  }
  pb.bounds = bounds;
  for (const char* name : invariants)
    pb.invariants.push_back(builtin_property(find_invariant(name)));
  return pb;
}

}  // namespace

TEST_CASE("parallel search: two and three threads reach one thread's result") {
  // 5.18 at 3 threads, 2 processes, 2 mms, 1 device, 2 files, 1 PASID, with most of the
  // default spec's invariants: 145,237 states without symmetry, 18 runs of two threads.  B1 (the
  // 2020 design) at the bounds of its spec: a violation 9 steps deep, after 71,664 states without
  // symmetry, so that the search stops inside a run the workers are still expanding.
  struct Case {
    Problem pb;
    Verdict verdict;
  };
  std::vector<Case> cases = {
      {design("v5.18", nullptr, {3, 2, 2, 1, 2, 1},
              {"no_stale_submit", "free_only_at_mm_exit", "no_use_after_free", "unique_owner",
               "msr_matches_mm", "fresh_child", "device_table_owned", "fixup_bounded",
               "pasid_freed_when_unreferenced", "no_use_after_mm_drop"}),
       Verdict::holds},
      {design("v5.10", "revoke-before-free", {3, 2, 2, 1, 2, 2}, {"no_stale_submit"}),
       Verdict::violated},
  };
  for (Case& c : cases) {
    for (bool symmetry : {false, true}) {
      CAPTURE(symmetry);
      c.pb.symmetry = symmetry;
      Result one = ExplicitEngine().check(c.pb);
      CHECK(one.verdict == c.verdict);
      for (int threads : {2, 3}) {
        CAPTURE(threads);
        SearchOptions options;
        options.threads = threads;
        test::check_same_result(one, ExplicitEngine(options).check(c.pb));
      }
    }
  }
}
