#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("fork: a new mm without PASID or portal, fds copied, MSR clear") {
  World w;
  w.activate(0, 0, 1);
  w.fork(0, 1, 1, 1);
  CHECK(w.s.procs[1].mm == 1);
  CHECK(w.s.mms[1].users == 1);
  CHECK(w.s.mms[1].count == 1);
  CHECK(w.s.mms[1].pasid == kNoPasid);
  CHECK_FALSE(w.s.mms[1].portal[0]);  // VM_DONTCOPY
  CHECK(w.s.procs[1].fd[0]);          // the fd, still bound to the parent's mm
  CHECK(w.s.files[0].mm == 0);
  CHECK_FALSE(w.s.threads[1].msr_valid);
  CHECK_FALSE(w.s.threads[1].activated);
  CHECK(w.s.mms[0].users == 1);
}

TEST_CASE("fork needs free thread, process and mm slots") {
  World w;
  w.b.mms = 1;
  Args<C> a = World::args(0);
  a.new_thread = 1;
  a.new_proc = 1;
  a.new_mm = 0;
  CHECK_FALSE(w.can<Fork>(a));
}

TEST_CASE("the fork mutants copy the MSR or mm.pasid to the child") {
  World w;
  w.z.fork_copies_msr = true;
  w.z.fork_inherits_pasid = true;
  w.activate(0, 0, 1);
  w.fork(0, 1, 1, 1);
  CHECK(w.s.threads[1].msr_valid);
  CHECK(w.s.mms[1].pasid == 1);
  CHECK(w.owner(1) == 0);  // the allocator still names the parent
}
