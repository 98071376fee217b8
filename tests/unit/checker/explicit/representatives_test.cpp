// The cache of representatives (checker/explicit/representatives.hpp): a successor held
// gives back exactly its representative; one not held, or pushed out of its place, gives
// nothing; and a search gives the same states, steps and counterexamples with it.

#include "checker/explicit/representatives.hpp"

#include <doctest/doctest.h>

#include <vector>

#include "../walk.hpp"
#include "checker/explicit/expansion.hpp"
#include "checker/explicit/explorer.hpp"
#include "checker/explicit/symmetry.hpp"

using namespace pasid;

TEST_CASE("representatives: what is kept is found, byte for byte, and nothing else") {
  const std::size_t w = 13;
  Representatives reps(w, 1);  // the fewest places: 256
  CHECK(reps.memory() == 256 * (4 + 2 * w));
  std::vector<std::uint8_t> a(w, 1), b(w, 1), rep(w, 7);
  b[w - 1] = 2;  // differs from a in its last byte only
  std::uint64_t ha = reps.key(a.data()), hb = reps.key(b.data());
  CHECK(ha != hb);
  CHECK(reps.find(a.data(), ha) == nullptr);  // empty
  reps.keep(a.data(), ha, rep.data());
  const std::uint8_t* got = reps.find(a.data(), ha);
  REQUIRE(got);
  CHECK(std::vector<std::uint8_t>(got, got + w) == rep);
  CHECK(reps.find(b.data(), ha) == nullptr);  // a's place and tag, b's bytes
  // Another state in a's place pushes it out.
  reps.keep(b.data(), ha, a.data());
  CHECK(reps.find(a.data(), ha) == nullptr);
  CHECK(reps.find(b.data(), ha) != nullptr);
  CHECK(reps.lookups() == 5);
  CHECK(reps.hits() == 2);
}

TEST_CASE("representatives: the packed representative, from the cache or not") {
  // On random walks: each successor's representative through a small cache (so that
  // places are reused) is the one computed without.
  Problem pb;
  pb.invariants = builtin_properties();
  const auto instances = rule_instances(pb.bounds);
  StateCodec codec(pb.bounds, pb.design);
  Visited visited(codec.width(), SearchOptions{});
  InvariantSet none(pb, {});
  ExpansionContext c{pb, instances, codec, visited, true, true, none, none, {}};
  Representatives reps(codec.width(), 1);
  std::vector<std::uint8_t> from(codec.width()), with(codec.width()), without(codec.width());
  Log<Concrete> log;
  int hits = 0;
  for (int round = 0; round < 2; ++round)  // the second round meets the first's again
    for (const auto& s : test::random_walks(pb, 20, 30, 11)) {
      codec.pack(s, from.data());
      for (const Instance& in : instances) {
        if (!rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) continue;
        State<Concrete> next = successor(pb, s, in, log);
        auto before = reps.hits();
        pack_representative(c, s, from.data(), next, with.data(), &reps);
        hits += reps.hits() > before;
        pack_representative(c, s, from.data(), next, without.data());
        REQUIRE(with == without);
      }
    }
  CHECK(hits > 100);
}
