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

TEST_CASE("design A counts a PASID reference per bind and frees at the last put") {
  World w;
  w.design_a();
  w.open(0, 0, 0, 1);
  w.open(0, 0, 1, 1);
  CHECK(w.s.mms[0].refs == 2);
  w.close(0, 0);
  CHECK(w.s.mms[0].refs == 1);
  CHECK(w.owner(1) == 0);
  w.close(0, 1);
  CHECK(w.s.mms[0].refs == 0);
  CHECK(w.owner(1) == kNone);
}

TEST_CASE("B5: with one put for many binds the PASID is never freed") {
  World w;
  w.design_a();
  w.z.single_pasid_put = true;
  w.open(0, 0, 0, 1);
  w.open(0, 0, 1, 1);
  w.close(0, 0);
  CHECK(w.s.mms[0].refs == 2);  // the first unbind puts nothing
  w.close(0, 1);
  CHECK(w.s.mms[0].refs == 1);  // the last puts one of two
  CHECK(w.owner(1) == 0);
  CHECK(w.seen(Seen::pasid_free) == 0);
}

TEST_CASE("the unbind reads iommu_mm before its mmdrop, and after it in B7") {
  for (bool b7 : {false, true}) {
    CAPTURE(b7);
    World w;
    w.z.unbind_reads_mm_after_drop = b7;
    w.open(0, 0, 0, 1);
    w.clone(0, 1);
    w.exit(0);  // the process lives on in t1 ...
    w.exit(1);  // ... whose exit closes the fd: the bond's mmdrop frees mm0
    const auto* r = w.first(Seen::mm_read);
    REQUIRE(r);
    CHECK(r->mm == 0);
    CHECK(r->seen == (b7 ? 0 : 1));
  }
}
