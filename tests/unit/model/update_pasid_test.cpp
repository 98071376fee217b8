#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("design A: the bind loads the new PASID into every thread of the mm") {
  World w;
  w.design_a();
  w.clone(0, 1);
  w.open(0, 0, 0, 1);
  for (int t : {0, 1}) {
    CHECK(w.s.threads[t].msr_valid);
    CHECK(w.s.threads[t].msr_pasid == 1);
    CHECK_FALSE(w.s.threads[t].ipi);
  }
  CHECK_FALSE(w.s.threads[0].waits);
}

TEST_CASE("design A: the last unbind frees the PASID first, then sends the IPIs (B2)") {
  World w;
  w.design_a();
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  w.close(0, 0);
  CHECK(w.owner(1) == kNone);
  CHECK_FALSE(w.s.threads[0].msr_valid);  // the closer's own CPU runs update_pasid() itself
  CHECK(w.s.threads[1].msr_valid);        // the other thread still holds the freed PASID
  CHECK(w.s.threads[1].msr_pasid == 1);
  CHECK(w.s.threads[1].ipi);
  CHECK(w.s.threads[0].waits);  // on_each_cpu_mask(..., wait = 1)
  CHECK_FALSE(w.can<ThreadExit>(World::args(0)));
  w.ipi(1);
  CHECK_FALSE(w.s.threads[1].msr_valid);
  CHECK_FALSE(w.s.threads[1].ipi);
  CHECK_FALSE(w.s.threads[0].waits);
  CHECK(w.can<ThreadExit>(World::args(0)));
}

TEST_CASE("design A with revoke-before-free: the MSRs are clear before the free") {
  World w;
  w.design_a();
  w.z.revoke_before_free = true;
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  w.close(0, 0);
  CHECK(w.owner(1) == kNone);
  CHECK_FALSE(w.s.threads[1].msr_valid);
  CHECK_FALSE(w.s.threads[1].ipi);
  CHECK_FALSE(w.s.threads[0].waits);
}

TEST_CASE("design A: a thread that exits with an IPI on its way releases the waiter") {
  World w;
  w.design_a();
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  w.close(0, 0);
  REQUIRE(w.s.threads[0].waits);
  w.exit(1);
  CHECK_FALSE(w.s.threads[0].waits);
  CHECK(w.s.threads[1] == initial_state<C>().threads[1]);  // a dead slot is all zero
}

TEST_CASE("design A: a clone child reaches user mode with mm.pasid, a fork child with none") {
  World w;
  w.design_a();
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  CHECK(w.s.threads[1].msr_valid);
  CHECK(w.s.threads[1].msr_pasid == 1);
  w.fork(0, 2, 1, 1);
  CHECK_FALSE(w.s.threads[2].msr_valid);
}

TEST_CASE("design A has no #GP fixup: ENQCMD with the MSR clear is a SIGSEGV") {
  World w;
  w.design_a();
  w.open(0, 0, 0, 1);
  w.mmap(0, 0);
  w.s.threads[0].msr_valid = false;  // as after a lost update
  w.s.threads[0].msr_pasid = kNoPasid;
  CHECK_FALSE(w.can<GpFixup>(World::args(0, 0)));
  CHECK(w.can<Sigsegv>(World::args(0, 0)));
}

TEST_CASE("the designs after 2020 have none of design A's steps") {
  World w;
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  w.close(0, 0);
  for (int t : {0, 1}) {
    CHECK_FALSE(w.can<UpdatePasid>(World::args(t)));
    CHECK_FALSE(w.can<SwitchIn>(World::args(t)));
    CHECK_FALSE(w.can<FpregsLock>(World::args(t)));
    CHECK_FALSE(w.s.threads[t].ipi);
    CHECK_FALSE(w.s.threads[t].waits);
  }
}
