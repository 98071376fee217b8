// The formula language: what parses, how it is typed, where errors point, and what a
// formula means over concrete states (the symbolic meaning is compared with this one in
// tests/unit/checker/smt/z3_domain_test.cpp).

#include <doctest/doctest.h>

#include "../../model/world.hpp"
#include "checker/formula/parser.hpp"
#include "model/expr/eval.hpp"

using namespace pasid;

namespace {

/// The message and offset of the error `text` gives, or "ok".
std::string error_of(const std::string& text) {
  try {
    formula::parse_formula(text);
    return "ok";
  } catch (const formula::SyntaxError& e) {
    return std::to_string(e.offset) + ": " + e.message;
  }
}

/// Whether `text` holds over the last step w took (pre: `before`).
bool holds(const test::World& w, const State<Concrete>& before, const std::string& text) {
  expr::Formula f = formula::parse_formula(text);
  return expr::formula_holds(f, w.b, before, w.log, w.s);
}

}  // namespace

TEST_CASE("formulas: what a formula reads decides how it is checked") {
  auto f = formula::parse_formula("forall t: thread. t.alive ==> t.msr.pasid == t.mm.pasid");
  CHECK(f.root.type == expr::Type::boolean);
  CHECK(f.variables == 1);
  CHECK_FALSE(f.reads_step);
  CHECK(formula::parse_formula("forall s: submit. s.owner == s.mm").reads_step);
  CHECK(formula::parse_formula("prev(alloc.owner(1) == none)").reads_step);
  CHECK(formula::parse_formula("forall a: mm, b: mm. a == b or a != b").variables == 2);
}

TEST_CASE("formulas: a formula that tells PASID values apart is marked (no PASID symmetry)") {
  auto names = [](const char* text) { return formula::parse_formula(text).names_pasids; };
  CHECK_FALSE(names("forall m: mm. m.pasid != 0 ==> alloc.owner(m.pasid) == m"));
  CHECK_FALSE(names("forall p: pasid, m: mm. m.pasid == p"));
  CHECK_FALSE(names("forall m: mm. m.pasid <= PASID_MAX && 1 <= m.pasid"));
  CHECK(names("forall m: mm. m.pasid == 1"));
  CHECK(names("forall m: mm. m.pasid < 2"));
  CHECK(names("forall p: pasid. p + 1 > 0"));
  CHECK(names("forall m: mm. m.pasid == m.users"));
}

TEST_CASE("formulas: errors name what is wrong and where") {
  CHECK(error_of("forall t: thread. t.alive") == "ok");
  CHECK(error_of("forall t: thread. t.alvie") ==
        "20: unknown field 'alvie' of thread (fields: alive, process, mm, msr, activated, saved)");
  CHECK(error_of("forall t: thread. t.mm == 1") ==
        "23: type mismatch: cannot compare mm with number");
  CHECK(error_of("forall t: thread. t.alive && 1") ==
        "29: type mismatch: the right side of && must be bool, not number");
  CHECK(error_of("t.alive") == "0: unbound variable 't'");
  CHECK(error_of("forall t: tread. true").rfind("10: unknown sort 'tread' (sorts: thread,", 0) ==
        0);
  CHECK(error_of("forall none: mm. true") == "7: 'none' is a reserved word");
  CHECK(error_of("forall m: mm. exists m: mm. true") == "21: variable 'm' is already bound");
  CHECK(error_of("forall d: device. d.bond.users > 0") ==
        "24: expected ( after 'bond', which takes mm, not .");
  CHECK(error_of("forall t: thread. t.alive(1)") == "25: 'alive' takes no argument");
  CHECK(error_of("alloc.owner(1).users") ==
        "0: type mismatch: an invariant must be bool, not number");
  CHECK(error_of("alloc == alloc") == "6: type mismatch: cannot compare alloc with alloc");
  CHECK(error_of("(true") == "5: expected ) to close '(', not the end of the formula");
  CHECK(error_of("true true") == "5: expected an operator or the end of the formula, not 'true'");
  CHECK(error_of("1x == 1") ==
        "1: a number runs into a name: put a space or an operator between them");
  CHECK(error_of("true # false") == "5: unexpected character '#'");
  CHECK(error_of("true == forall t: thread. true") ==
        "8: put the quantifier in parentheses: it extends as far right as it can");
  CHECK(error_of(std::string(300, '(') + "true" + std::string(300, ')'))
            .find("nests deeper than 200 levels") != std::string::npos);
  std::string chain = "true";
  for (int i = 0; i < 3000; ++i) chain += " && true";
  CHECK(error_of(chain).find("longer than 4000 tokens") != std::string::npos);
}

TEST_CASE("formulas: their meaning over concrete states and steps") {
  test::World w;
  State<Concrete> before = w.s;
  w.open(0, 0, 0, 1);  // t0 binds device 0 as file 0 with PASID 1
  CHECK(holds(w, before, "alloc.owner(1) != none && alloc.owner(1).pasid == 1"));
  CHECK(holds(w, before, "alloc.owner(2) == none && alloc.owner(100) == none"));
  CHECK(holds(w, before, "prev(forall m: mm. m.pasid == 0)"));
  CHECK(holds(w, before, "exists p: pasid. alloc.owner(p).bonds == 1"));
  CHECK(holds(w, before,
              "forall t: thread. t.alive ==> (exists f: file. t.process.fd(f)) && !t.msr.valid"));
  CHECK(holds(w, before, "exists d: device, m: mm. d.bond(m).entry && d.bond(m).pasid == 1"));
  CHECK(holds(w, before, "forall f: file. f.open ==> f.device.bond(f.mm).users == 1"));
  CHECK_FALSE(holds(w, before, "exists s: submit. true"));
  CHECK(holds(w, before, "-(1 - 3) == 2 && PASID_MAX + 1 == 1048576"));
  w.mmap(0, 0);
  w.fixup(0, 0);
  before = w.s;
  w.fire<Enqcmd>(test::World::args(0, 0));
  CHECK(
      holds(w, before, "exists s: submit. s.pasid == 1 && s.owner == s.mm && s.thread.msr.valid"));
  CHECK(holds(w, before, "forall s: submit. s.device.bond(s.mm).entry"));
  CHECK_FALSE(holds(w, before, "forall s: submit. s.pasid == 2"));
  CHECK(holds(w, before, "forall t: thread. !t.alive ==> t.mm == none && t.mm.pasid == 0"));
}
