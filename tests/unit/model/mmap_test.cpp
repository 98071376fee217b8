#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

TEST_CASE("mmap needs an fd for the file and maps its portal once") {
  World w;
  CHECK_FALSE(w.can<Mmap>(World::args(0, 0)));
  w.open(0, 0, 0, 1);
  w.mmap(0, 0);
  CHECK(w.s.mms[0].portal[0]);
  CHECK_FALSE(w.can<Mmap>(World::args(0, 0)));
}

TEST_CASE("5.18 lets a fork child map a portal of a file its parent opened") {
  World w;
  w.open(0, 0, 0, 1);
  w.fork(0, 1, 1, 1);
  w.mmap(1, 0);
  CHECK(w.s.mms[1].portal[0]);
  CHECK_FALSE(w.s.mms[0].portal[0]);
}

TEST_CASE("munmap of the last reference releases the file and unbinds") {
  World w;
  w.open(0, 0, 0, 1);
  w.mmap(0, 0);
  w.close(0, 0);
  CHECK(w.s.bonds[0][0].users == 1);  // the portal still holds the file
  w.fire<Munmap>(World::args(0, 0));
  CHECK(w.s.bonds[0][0].users == 0);
  CHECK(w.seen(Seen::unbind) == 1);
  CHECK(w.s.files[0].dev == kNone);
  CHECK(w.s.mms[0].pasid == 1);  // still allocated while the mm lives
}
