#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("close of the last reference unbinds but leaves the PASID allocated") {
  World w;
  w.open(0, 0, 0, 1);
  w.close(0, 0);
  CHECK(w.seen(Seen::unbind) == 1);
  CHECK(w.s.bonds[0][0].users == 0);
  CHECK_FALSE(w.s.bonds[0][0].entry);
  CHECK(w.s.mms[0].count == 1);  // the bond's mmdrop
  CHECK(w.s.mms[0].pasid == 1);
  CHECK(w.owner(1) == 0);
  CHECK(w.seen(Seen::pasid_free) == 0);
}

TEST_CASE("close of a shared file does not unbind while a fork child holds it") {
  World w;
  w.open(0, 0, 0, 1);
  w.fork(0, 1, 1, 1);
  w.close(0, 0);
  CHECK(w.seen(Seen::unbind) == 0);
  CHECK(w.s.bonds[0][0].users == 1);
  w.close(1, 0);
  CHECK(w.seen(Seen::unbind) == 1);
}

TEST_CASE("close leaves the MSRs alone") {
  World w;
  w.activate(0, 0, 1);
  w.close(0, 0);
  CHECK(w.s.threads[0].msr_valid);
  CHECK(w.s.threads[0].msr_pasid == 1);
}

TEST_CASE("the free-at-close mutant frees the PASID at close; the unbind then names it") {
  World w;
  w.z.pasid_free = FreeSite::close;
  w.open(0, 0, 0, 1);
  w.close(0, 0);
  CHECK(w.owner(1) == kNone);
  const auto* u = w.first(Seen::unbind);
  REQUIRE(u);
  CHECK(u->pasid == 1);     // the bond's own PASID ...
  CHECK(u->seen == kNone);  // ... already back in the allocator
  CHECK(w.s.bonds[0][0].users == 0);
}

TEST_CASE("the free-on-last-unbind mutant frees the PASID at the mm's last unbind") {
  World w;
  w.z.pasid_free = FreeSite::last_unbind;
  w.b.devices = 2;
  w.open(0, 0, 0, 1);
  w.open(0, 1, 1, 1);
  w.close(0, 0);
  CHECK(w.owner(1) == 0);
  w.close(0, 1);
  CHECK(w.owner(1) == kNone);
  CHECK(w.first(Seen::pasid_free)->site == static_cast<int>(FreeSite::last_unbind));
}
