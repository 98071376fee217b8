#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("a clone child shares the mm and process, with the MSR clear and flag 0") {
  World w;
  w.activate(0, 0, 1);
  w.clone(0, 1);
  const auto& child = w.s.threads[1];
  CHECK(child.alive);
  CHECK(child.proc == 0);
  CHECK_FALSE(child.msr_valid);
  CHECK(child.msr_pasid == kNoPasid);
  CHECK_FALSE(child.activated);
  CHECK(w.s.mms[0].users == 2);
  CHECK(w.seen(Seen::child) == 1);
  CHECK(w.can<GpFixup>(World::args(1, 0)));  // its first ENQCMD takes one #GP
}

TEST_CASE("the clone-copies-msr mutant hands the child the parent's MSR") {
  World w;
  w.z.clone_copies_msr = true;
  w.activate(0, 0, 1);
  w.clone(0, 1);
  CHECK(w.s.threads[1].msr_valid);
  CHECK(w.s.threads[1].msr_pasid == 1);
}

TEST_CASE("clone takes the lowest free thread slot") {
  World w;
  Args<C> a = World::args(0);
  a.new_thread = 2;
  CHECK_FALSE(w.can<Clone>(a));
  a.new_thread = 0;
  CHECK_FALSE(w.can<Clone>(a));  // slot 0 is t0 itself
  a.new_thread = 1;
  CHECK(w.can<Clone>(a));
}

TEST_CASE("clone(CLONE_VM) without CLONE_THREAD: a new process on the same mm, fds copied") {
  World w;
  w.open(0, 0, 0, 1);
  Args<C> a = World::args(0);
  a.new_thread = 1;
  a.new_proc = 1;
  w.fire<CloneVm>(a);
  CHECK(w.s.threads[1].proc == 1);
  CHECK(w.s.procs[1].mm == 0);
  CHECK(w.s.procs[1].fd[0]);
  CHECK(w.s.mms[0].users == 2);
  CHECK_FALSE(w.s.threads[1].msr_valid);
}
