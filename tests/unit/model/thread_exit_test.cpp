#include <cstring>

#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("a non-last thread's exit only drops an mm user") {
  World w;
  w.open(0, 0, 0, 1);
  w.clone(0, 1);
  w.exit(1);
  CHECK(w.s.mms[0].users == 1);
  CHECK(w.s.procs[0].fd[0]);
  CHECK(w.seen(Seen::unbind) == 0);
}

TEST_CASE("5.18: the last exit tears the mm down, unbinds, then __mmdrop frees the PASID") {
  World w;
  w.open(0, 0, 0, 1);
  w.mmap(0, 0);
  w.exit(0);
  CHECK(w.seen(Seen::unbind) == 1);
  const auto* o = w.first(Seen::pasid_free);
  REQUIRE(o);
  CHECK(o->site == static_cast<int>(FreeSite::mmdrop));
  CHECK(o->seen == 0);  // no bond left
  CHECK(w.s.mms[0].count == 0);
  CHECK(w.owner(1) == kNone);
  CHECK(w.s.procs[0].mm == kNone);
  CHECK(w.s.files[0].dev == kNone);
  // Everything is back to empty slots.
  State<C> empty = initial_state<C>();
  free_task(empty.threads[0]);
  empty.procs[0].mm = C::num(kNone);
  empty.mms[0].users = empty.mms[0].count = 0;
  CHECK(std::memcmp(&empty, &w.s, sizeof empty) == 0);
}

TEST_CASE("5.18: a fork child's fd keeps the exited parent's mm and PASID alive") {
  World w;
  w.open(0, 0, 0, 1);
  w.fork(0, 1, 1, 1);
  w.exit(0);
  CHECK(w.s.mms[0].users == 0);
  CHECK(w.s.mms[0].count == 1);  // held by the bond
  CHECK(w.owner(1) == 0);
  w.close(1, 0);
  CHECK(w.s.mms[0].count == 0);
  CHECK(w.owner(1) == kNone);
}

TEST_CASE("5.18 as merged: exit_mm frees the PASID, exit_files' unbind uses it freed (B3)") {
  World w;
  w.z.pasid_free = FreeSite::mmput;
  w.open(0, 0, 0, 1);
  w.exit(0);
  const auto* o = w.first(Seen::pasid_free);
  REQUIRE(o);
  CHECK(o->site == static_cast<int>(FreeSite::mmput));
  CHECK(o->seen == 1);  // a bond was still there
  const auto* u = w.first(Seen::unbind);
  REQUIRE(u);
  CHECK(u->pasid == 1);     // intel_svm_unbind_mm(dev, sdev->pasid) ...
  CHECK(u->seen == kNone);  // ... with a PASID the allocator may already have reissued
  CHECK(w.s.bonds[0][0].users == 0);
  CHECK(w.s.mms[0].count == 0);
}

TEST_CASE("the unbind finds the bond by the PASID the bond recorded") {
  World w;
  w.open(0, 0, 0, 1);
  w.s.mms[0].pasid = 2;  // whatever mm->pasid says now
  w.close(0, 0);
  const auto* u = w.first(Seen::unbind);
  REQUIRE(u);
  CHECK(u->pasid == 1);
  CHECK(w.s.bonds[0][0].users == 0);
}
