// The bookkeeping lemmas k-induction assumes (model/lemmas.hpp) hold in sampled reachable
// states of every design, and a state that miscounts breaks them.

#include <doctest/doctest.h>

#include "../checker/walk.hpp"
#include "model/lemmas.hpp"
#include "world.hpp"

using namespace pasid;

TEST_CASE("lemmas: the model's bookkeeping holds in reachable states of every design") {
  Problem pb;
  pb.bounds = {3, 2, 3, 2, 3, 2};  // threads, processes, mms, devices, files, pasids
  std::string broken;
  auto check = [&](const DesignChange& change) {
    pb.design = Design{};
    change.apply(pb.design);
    int checked = 0;
    for (const auto& s : test::random_walks(pb, 40, 30, 777)) {
      ++checked;
      if (well_formed(pb.bounds, s)) continue;
      broken += std::string(change.name) + (counts_match(pb.bounds, s) ? "" : " (counts)") +
                (owners_live(pb.bounds, s) ? "" : " (owners)") +
                (slots_clear(pb.bounds, s) ? "" : " (slots)") + "; ";
      return;
    }
    CHECK(checked > 100);
  };
  for (const auto& v : variants()) check(v);
  for (const auto& m : mutants()) check(m);
  // The designs whose bookkeeping differs: they hand out or free PASIDs behind their
  // owners' backs, or (B4) count bonds as users.  k-induction cannot prove the lemmas
  // there and goes on without them.
  CHECK(broken ==
        "free-at-close (owners); fork-inherits-pasid (owners); alloc-in-use (owners); "
        "bond-pins-users (counts); ");
}

TEST_CASE("lemmas: a miscounted state breaks them") {
  test::World w;
  w.open(0, 0, 0, 1);
  CHECK(well_formed(w.b, w.s));
  State<Concrete> s = w.s;
  s.mms[0].count = 1;  // forgets the bond's mmgrab
  CHECK_FALSE(counts_match(w.b, s));
  s = w.s;
  s.files[0].dev = kNone;  // a referenced file without its device
  CHECK_FALSE(tasks_placed(w.b, s));
  s = w.s;
  s.mms[1].count = 0;
  s.alloc.owner[1] = 1;  // PASID 2 owned by a freed mm
  CHECK_FALSE(owners_live(w.b, s));
  s = w.s;  // the opener gone, its bond keeping mm0: counted right ...
  s.threads[0] = {};
  s.threads[0].proc = kNone;
  s.procs[0].mm = kNone;
  s.procs[0].fd[0] = false;
  s.mms[0].users = 0;
  s.mms[0].count = 1;
  CHECK(counts_match(w.b, s));
  s.mms[0].portal[0] = true;  // ... but an mm without users maps nothing (exit_mmap)
  CHECK_FALSE(counts_match(w.b, s));
  s = w.s;
  s.procs[1].fd[0] = true;  // a dead process holding an fd
  CHECK_FALSE(tasks_placed(w.b, s));
  s = w.s;
  CHECK(slots_clear(w.b, s));
  s.threads[0].msr_valid = true;  // a valid MSR holding no PASID
  CHECK_FALSE(slots_clear(w.b, s));
  s.threads[0].msr_pasid = 1;
  CHECK(slots_clear(w.b, s));
  s = w.s;
  s.threads[1].fpregs = true;  // a free slot that is not clear
  CHECK_FALSE(slots_clear(w.b, s));
  s = w.s;
  s.bonds[0][1].pasid = 1;  // an unused bond that keeps a PASID
  CHECK_FALSE(slots_clear(w.b, s));
}
