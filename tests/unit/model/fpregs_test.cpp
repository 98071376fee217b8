#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("design A: an IPI inside fpregs_lock() is undone by the restore (B1)") {
  World w;
  w.design_a();
  w.z.revoke_before_free = true;
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  w.fpregs_lock(1);
  CHECK(w.s.threads[1].xsave == 1);
  CHECK_FALSE(w.can<Enqcmd>(World::args(1, 0)));  // in the kernel, not in user mode
  w.close(0, 0);                                  // the IPI writes the live register ...
  CHECK_FALSE(w.s.threads[1].msr_valid);
  CHECK(w.owner(1) == kNone);
  w.fpregs_unlock(1);  // ... and the restore from memory brings the freed PASID back
  CHECK(w.s.threads[1].msr_valid);
  CHECK(w.s.threads[1].msr_pasid == 1);
  CHECK(w.s.threads[1].xsave == kNoPasid);
  CHECK_FALSE(w.s.threads[1].fpregs);
}

TEST_CASE("design A: a thread in fpregs_lock() is not switched out") {
  World w;
  w.design_a();
  w.clone(0, 1);
  w.fpregs_lock(1);
  w.open(0, 0, 0, 1);
  CHECK(w.s.threads[1].msr_valid);  // written to the live registers ...
  CHECK_FALSE(w.can<SwitchIn>(World::args(1)));
  w.fpregs_unlock(1);
  CHECK_FALSE(w.s.threads[1].msr_valid);  // ... and lost
  w.switch_in(1);                         // the next switch-in repairs it
  CHECK(w.s.threads[1].msr_valid);
  CHECK(w.s.threads[1].msr_pasid == 1);
  CHECK_FALSE(w.can<SwitchIn>(World::args(1)));  // a switch that changes nothing is no step
}
