#include "world.hpp"

using namespace pasid;
using namespace pasid::test;

namespace {
World with_lam() {
  World w;
  w.z.has_lam = w.z.lam_excludes_sva = true;
  return w;
}
}  // namespace

TEST_CASE("LAM and SVA exclude each other (23e5d9ec2bab)") {
  World w = with_lam();
  w.fire<EnableLam>(World::args(0));
  CHECK(w.s.mms[0].lam);
  Args<C> a = World::args(0);
  a.device = 0;
  a.new_file = 0;
  a.pasid = 1;
  CHECK_FALSE(w.can<Open>(a));  // EBUSY
  World v = with_lam();
  v.open(0, 0, 0, 1);
  v.close(0, 0);                                  // the PASID stays with the mm ...
  CHECK_FALSE(v.can<EnableLam>(World::args(0)));  // ... so LAM stays off
}

TEST_CASE("fork copies LAM (dup_lam), exec starts without it") {
  World w = with_lam();
  w.b.mms = 3;
  w.fire<EnableLam>(World::args(0));
  w.fork(0, 1, 1, 1);
  CHECK(w.s.mms[1].lam);
  w.exec(1, 2);
  CHECK_FALSE(w.s.mms[2].lam);
}

TEST_CASE("without the exclusion an mm with LAM on gets a PASID; before 6.4 there is no LAM") {
  World w = with_lam();
  w.z.lam_excludes_sva = false;
  w.fire<EnableLam>(World::args(0));
  w.open(0, 0, 0, 1);
  CHECK(w.s.mms[0].lam);
  CHECK(w.s.mms[0].pasid == 1);
  World old;
  CHECK_FALSE(old.can<EnableLam>(World::args(0)));
}
