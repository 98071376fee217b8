#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("exec: de_thread, a new mm without PASID, the MSR reset, the flag kept, fds kept") {
  World w;
  w.activate(0, 0, 1);
  w.clone(0, 1);
  w.exec(0, 1);
  CHECK_FALSE(w.s.threads[1].alive);  // de_thread
  CHECK(w.s.procs[0].mm == 1);
  CHECK(w.s.mms[1].pasid == kNoPasid);
  CHECK_FALSE(w.s.threads[0].msr_valid);
  CHECK(w.s.threads[0].activated);  // B6: only dup_task_struct clears it
  CHECK(w.s.procs[0].fd[0]);
  // The old mm lost its users; the bond of the kept fd keeps it and its PASID.
  CHECK(w.s.mms[0].users == 0);
  CHECK(w.s.mms[0].count == 1);
  CHECK(w.s.mms[0].pasid == 1);
  CHECK_FALSE(w.s.mms[0].portal[0]);
  CHECK_FALSE(w.s.bonds[0][0].entry);  // torn down by the mm notifier's release
}

TEST_CASE("the exec-keeps-msr mutant keeps the old image's MSR") {
  World w;
  w.z.exec_keeps_msr = true;
  w.activate(0, 0, 1);
  w.exec(0, 1);
  CHECK(w.s.threads[0].msr_valid);
}

TEST_CASE("exec from a non-leader thread: the leader exits, the exec'ing task lives on") {
  World w;
  w.clone(0, 1);
  w.exec(1, 1);
  CHECK_FALSE(w.s.threads[0].alive);
  CHECK(w.s.threads[1].alive);
  CHECK(w.s.threads[1].proc == 0);
  CHECK(w.s.mms[0].count == 0);  // no bond: the old mm is freed
}
