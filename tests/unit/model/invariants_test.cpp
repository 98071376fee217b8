// Each invariant: a hand-built step that breaks it, next to one that keeps it.

#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

namespace {

template <class I>
bool holds(const World& w, const State<C>& pre) {
  return I::holds(w.b, pre, w.log, w.s);
}
template <class I>
bool holds(const World& w) {
  return holds<I>(w, w.s);
}

Observation<C> seen(Seen kind, int site, int thread, int dev, int mm, int pasid, int value) {
  return {true, kind, site, C::num(thread), C::num(dev), C::num(mm), C::num(pasid), C::num(value)};
}

/// Thread 0 has opened the device with PASID 1 and loaded it into its MSR.
World bound() {
  World w;
  w.activate(0, 0, 1);
  w.log.clear();
  return w;
}

}  // namespace

TEST_CASE("unique_owner") {
  World w = bound();
  CHECK(holds<UniqueOwner>(w));
  CHECK(UniqueOwner::premise(w.b, w.s, w.log, w.s));
  w.s.alloc.owner[0] = 1;  // PASID 1 now names mm1, while mm0.pasid is 1
  CHECK_FALSE(holds<UniqueOwner>(w));
  w = bound();
  w.s.alloc.owner[1] = 0;  // mm0 owns PASID 2 as well
  CHECK_FALSE(holds<UniqueOwner>(w));
}

TEST_CASE("msr_matches_mm") {
  World w = bound();
  CHECK(holds<MsrMatchesMm>(w));
  w.s.threads[0].msr_pasid = 2;
  CHECK_FALSE(holds<MsrMatchesMm>(w));
}

TEST_CASE("device_table_owned") {
  World w = bound();
  CHECK(holds<DeviceTableOwned>(w));
  w.s.alloc.owner[0] = kNone;  // freed while the bond records it
  w.s.mms[0].pasid = kNoPasid;
  CHECK_FALSE(holds<DeviceTableOwned>(w));
  w = bound();
  w.s.mms[0].count = 0;  // the mm is freed under its bond
  CHECK_FALSE(holds<DeviceTableOwned>(w));
}

TEST_CASE("pasid_in_range") {
  World w = bound();
  CHECK(holds<PasidInRange>(w));
  w.s.threads[0].msr_pasid = 0;  // VALID written with PASID 0
  CHECK_FALSE(holds<PasidInRange>(w));
}

TEST_CASE("no_stale_submit") {
  World w = bound();
  w.log = {seen(Seen::submit, 0, 0, 0, 0, 1, 0)};
  CHECK(holds<NoStaleSubmit>(w));
  CHECK(NoStaleSubmit::premise(w.b, w.s, w.log, w.s));
  w.log = {seen(Seen::submit, 0, 0, 0, 0, 1, 1)};  // PASID 1 belongs to mm1 now
  CHECK_FALSE(holds<NoStaleSubmit>(w));
  w.log = {seen(Seen::submit, 0, 0, 0, 0, 1, kNone)};  // PASID 1 was freed
  CHECK_FALSE(holds<NoStaleSubmit>(w));
}

TEST_CASE("free_only_at_mm_exit") {
  World w = bound();
  w.log = {seen(Seen::pasid_free, static_cast<int>(FreeSite::mmdrop), kNone, kNone, 0, 1, 0)};
  CHECK(holds<FreeOnlyAtMmExit>(w));
  w.log = {seen(Seen::pasid_free, static_cast<int>(FreeSite::mmput), kNone, kNone, 0, 1, 0)};
  CHECK_FALSE(holds<FreeOnlyAtMmExit>(w));
  w.log = {seen(Seen::pasid_free, static_cast<int>(FreeSite::mmdrop), kNone, kNone, 0, 1, 1)};
  CHECK_FALSE(holds<FreeOnlyAtMmExit>(w));  // a bond was left
}

TEST_CASE("no_use_after_free") {
  World w = bound();
  w.log = {seen(Seen::unbind, 0, kNone, 0, 0, 1, 0)};
  CHECK(holds<NoUseAfterFree>(w));
  w.log = {seen(Seen::unbind, 0, kNone, 0, 0, kNoPasid, kNone)};  // unbind by an invalid PASID
  CHECK_FALSE(holds<NoUseAfterFree>(w));
  w = bound();
  w.log = {seen(Seen::submit, 0, 0, 0, 1, 1, 1)};  // delivered through mm0's entry, owner mm1
  CHECK_FALSE(holds<NoUseAfterFree>(w));
  w = bound();
  w.s.alloc.owner[0] = 1;  // the device entry 1 -> mm0 names a PASID mm1 owns
  CHECK_FALSE(holds<NoUseAfterFree>(w));
}

TEST_CASE("fresh_child") {
  World w = bound();
  w.clone(0, 1);
  CHECK(holds<FreshChild>(w));
  w.s.threads[1].activated = true;
  CHECK_FALSE(holds<FreshChild>(w));
  w = bound();
  w.fork(0, 1, 1, 1);
  CHECK(holds<FreshChild>(w));
  w.s.mms[1].pasid = 1;
  CHECK_FALSE(holds<FreshChild>(w));
}

TEST_CASE("no_spurious_sigsegv") {
  World w = bound();
  w.log = {seen(Seen::sigsegv, 0, 0, 0, 0, kNoPasid, 1)};
  CHECK(holds<NoSpuriousSigsegv>(w));
  w.log = {seen(Seen::sigsegv, 0, 0, 0, 0, 1, 1)};
  CHECK_FALSE(holds<NoSpuriousSigsegv>(w));
}

TEST_CASE("fixup_bounded") {
  World w = bound();
  w.log = {seen(Seen::fixup, 0, 0, kNone, 0, 1, 0)};
  CHECK(holds<FixupBounded>(w));
  w.log = {seen(Seen::fixup, 0, 0, kNone, 0, 1, 1)};
  CHECK_FALSE(holds<FixupBounded>(w));
}

TEST_CASE("every invariant holds in the initial state, with no premise") {
  World w;
  for (int i = 0; i < kInvariantCount; ++i) {
    CAPTURE(invariant_info(i).name);
    CHECK(invariant_holds(i, w.b, w.s, w.log, w.s));
    CHECK_FALSE(invariant_premise(i, w.b, w.s, w.log, w.s));
  }
}
