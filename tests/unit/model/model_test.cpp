// The worked example of model/model.hpp, compiled.

#include "world.hpp"

using namespace pasid;

TEST_CASE("the worked example in model.hpp") {
  Bounds b;
  Design design;
  State<Concrete> s = initial_state<Concrete>();
  Log<Concrete> log;
  Step<Concrete> st(s, b, design, log);
  Args<Concrete> a;
  a.thread = 0;
  a.device = 0;
  a.new_file = 0;
  a.pasid = 1;
  REQUIRE(Open::guard(s, b, design, a));
  Open::effect(st, a);
  CHECK(s.mms[0].pasid == 1);
  CHECK(s.mms[0].count == 2);
  a.file = 0;
  Mmap::effect(st, a);
  CHECK(s.mms[0].portal[0]);
  GpFixup::effect(st, a);
  CHECK(s.threads[0].msr_valid);
  CHECK(s.threads[0].msr_pasid == 1);
  CHECK(s.threads[0].activated);
}

TEST_CASE("field names") {
  CHECK(field_name({"t", 1, "msr_valid"}) == "t1.msr_valid");
  CHECK(field_name({"proc", 0, "fd", "f", 1}) == "proc0.fd[f1]");
  CHECK(field_name({"dev", 0, "users", "mm", 1}) == "dev0.bond[mm1].users");
  CHECK(field_name({"alloc", 2, "owner"}) == "alloc.owner[p2]");
}
