// model/catalog: which mutants change which variants.

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "model/catalog.hpp"

using namespace pasid;

namespace {

Design variant(const char* name) {
  Design z;
  const DesignChange* v = find_change(variants(), name);
  REQUIRE(v);
  v->apply(z);
  return z;
}

}  // namespace

TEST_CASE("catalog: a mutant changes its variant, but for the pairs where it cannot") {
  // Exactly these pairs change nothing: v5.10 frees at the last unbind already, and LAM
  // arrived in 6.4 (v6.x and later).
  const std::set<std::string> none = {"v5.10/free-on-last-unbind", "v5.10/lam-ignores-sva",
                                      "v5.18/lam-ignores-sva", "v5.18-merge/lam-ignores-sva"};
  for (const DesignChange& v : variants())
    for (const DesignChange& m : mutants()) {
      std::string pair = std::string(v.name) + "/" + m.name;
      CAPTURE(pair);
      CHECK(changes(m, variant(v.name)) == !none.contains(pair));
    }
}

TEST_CASE("catalog: a mutant applied once changes nothing the second time") {
  for (const DesignChange& m : mutants()) {
    CAPTURE(m.name);
    Design z = variant("v6.x");
    m.apply(z);
    CHECK_FALSE(changes(m, z));
  }
  CHECK(changes_nothing("free-at-close", "v5.18", true) ==
        "mutant \"free-at-close\" changes nothing in v5.18 with the mutants before it: that "
        "design has it already, or lacks what it changes");
}
