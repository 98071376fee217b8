#include <cstring>

#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("ENQCMD with a valid MSR submits the MSR's PASID, changing nothing") {
  World w;
  w.open(0, 0, 0, 1);
  w.mmap(0, 0);
  CHECK_FALSE(w.can<Enqcmd>(World::args(0, 0)));  // MSR clear: it #GPs instead
  w.fixup(0, 0);
  State<C> before = w.s;
  w.fire<Enqcmd>(World::args(0, 0));
  const auto* o = w.first(Seen::submit);
  REQUIRE(o);
  CHECK(o->pasid == 1);
  CHECK(o->seen == 0);  // owner mm0
  CHECK(std::memcmp(&before, &w.s, sizeof before) == 0);
}

TEST_CASE("ENQCMD needs a portal in the thread's mm") {
  World w;
  w.open(0, 0, 0, 1);
  CHECK_FALSE(w.can<GpFixup>(World::args(0, 0)));
  CHECK_FALSE(w.can<Sigsegv>(World::args(0, 0)));
}

TEST_CASE("the #GP fixup loads mm.pasid into the MSR and sets pasid_activated") {
  World w;
  w.open(0, 0, 0, 1);
  w.mmap(0, 0);
  CHECK_FALSE(w.can<Sigsegv>(World::args(0, 0)));
  w.fixup(0, 0);
  CHECK(w.s.threads[0].msr_valid);
  CHECK(w.s.threads[0].msr_pasid == 1);
  CHECK(w.s.threads[0].activated);
}

TEST_CASE("the fixup refuses a task whose flag is set: SIGSEGV (B6 after exec)") {
  World w;
  w.activate(0, 0, 1);
  w.exec(0, 1);
  w.open(0, 0, 1, 2);
  w.mmap(0, 1);
  CHECK_FALSE(w.can<GpFixup>(World::args(0, 1)));
  CHECK(w.can<Sigsegv>(World::args(0, 1)));
  w.z.fixup_ignores_activated = true;
  CHECK(w.can<GpFixup>(World::args(0, 1)));
}

TEST_CASE("the fixup refuses when the mm has no PASID: SIGSEGV") {
  World w;
  w.open(0, 0, 0, 1);
  w.fork(0, 1, 1, 1);
  w.mmap(1, 0);  // the child maps the inherited fd; its own mm has no PASID
  CHECK_FALSE(w.can<GpFixup>(World::args(1, 0)));
  w.fire<Sigsegv>(World::args(1, 0));
  CHECK(w.seen(Seen::sigsegv) == 1);
}

TEST_CASE("SIGSEGV kills the whole thread group, closing its fds") {
  World w;
  w.b.threads = 4;
  w.open(0, 0, 0, 1);
  w.fork(0, 1, 1, 1);
  w.clone(1, 2);
  w.mmap(1, 0);
  w.fire<Sigsegv>(World::args(1, 0));
  CHECK_FALSE(w.s.threads[1].alive);
  CHECK_FALSE(w.s.threads[2].alive);
  CHECK(w.s.threads[0].alive);
  CHECK_FALSE(w.s.procs[1].fd[0]);
  CHECK(w.s.mms[1].count == 0);       // the child's mm is freed
  CHECK(w.s.bonds[0][0].users == 1);  // the parent still holds the file
}
