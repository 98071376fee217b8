#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("open allocates a PASID for an mm that has none, and binds it") {
  World w;
  w.open(0, 0, 0, 1);
  CHECK(w.s.mms[0].pasid == 1);
  CHECK(w.owner(1) == 0);
  CHECK(w.s.mms[0].count == 2);  // the first bond's mmgrab
  CHECK(w.s.bonds[0][0].users == 1);
  CHECK(w.s.bonds[0][0].pasid == 1);
  CHECK(w.s.bonds[0][0].entry);
  CHECK(w.s.procs[0].fd[0]);
  CHECK(w.s.files[0].dev == 0);
  CHECK(w.s.files[0].mm == 0);
}

TEST_CASE("open does not touch any thread's MSR") {
  World w;
  w.clone(0, 1);
  w.open(0, 0, 0, 1);
  CHECK_FALSE(w.s.threads[0].msr_valid);
  CHECK_FALSE(w.s.threads[1].msr_valid);
}

TEST_CASE("a second open reuses the mm's PASID and bond without another mmgrab") {
  World w;
  w.b.pasids = 2;
  w.open(0, 0, 0, 1);
  Args<C> a = World::args(0);
  a.device = 0;
  a.new_file = 1;
  a.pasid = 2;
  CHECK_FALSE(w.can<Open>(a));  // the mm already has PASID 1
  w.open(0, 0, 1, 1);
  CHECK(w.s.mms[0].count == 2);
  CHECK(w.s.bonds[0][0].users == 2);
  CHECK(w.owner(2) == kNone);
}

TEST_CASE("a second device gets its own bond and mmgrab, with the same PASID") {
  World w;
  w.b.devices = 2;
  w.open(0, 0, 0, 1);
  w.open(0, 1, 1, 1);
  CHECK(w.s.mms[0].count == 3);
  CHECK(w.s.bonds[1][0].pasid == 1);
}

TEST_CASE("open cannot take a PASID another mm owns; with none free it is not a step") {
  World w;
  w.b.pasids = 1;
  w.open(0, 0, 0, 1);
  w.fork(0, 1, 1, 1);
  Args<C> a = World::args(1);
  a.device = 0;
  a.new_file = 1;
  a.pasid = 1;
  CHECK_FALSE(w.can<Open>(a));
  w.z.alloc_ignores_owner = true;  // the mutant hands it out anyway
  CHECK(w.can<Open>(a));
}

TEST_CASE("open needs a live thread and takes the lowest free file slot") {
  World w;
  Args<C> a = World::args(0);
  a.device = 0;
  a.pasid = 1;
  a.new_file = 1;
  CHECK_FALSE(w.can<Open>(a));
  a.new_file = 0;
  CHECK(w.can<Open>(a));
  a.thread = 1;
  CHECK_FALSE(w.can<Open>(a));
}
