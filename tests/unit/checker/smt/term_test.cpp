// Term's assignment releases the term it overwrites (z3_domain.hpp: z3++.h's move
// assignment in Z3 4.8.12 does not).  A leaked term stays allocated until its context is
// deleted, so memory grows with every round of the same work instead of being reused.

#include <doctest/doctest.h>

#include <string>

#include "checker/smt/z3_domain.hpp"

using pasid::smt::Term;
using pasid::smt::z3_context;

namespace {

/// Builds x0 > round && x1 > round && ..., a term per step assigned over one Term, and
/// drops it; returns Z3's allocated bytes afterwards.  The constants are the same in every
/// round (names are never freed), the terms over them new.
std::size_t conjunction_round(const z3::expr_vector& x, int round) {
  {
    Term t = z3_context().bool_val(true);
    for (const z3::expr& xi : x) t = t.expr() && xi > round;
  }
  return Z3_get_estimated_alloc_size();
}

}  // namespace

TEST_CASE("assigning a Term releases the term it overwrites") {
  z3::context ctx;
  pasid::smt::Z3Scope scope(ctx);
  constexpr int kTerms = 20000;  // a leak of this many terms is megabytes
  z3::expr_vector x(ctx);
  for (int i = 0; i < kTerms; ++i) x.push_back(ctx.int_const(("x" + std::to_string(i)).c_str()));
  conjunction_round(x, 0);  // tables grow to their size for the work
  std::size_t warm = conjunction_round(x, 1);
  std::size_t again = conjunction_round(x, 2);
  CHECK(again < warm + 64 * 1024);
}
