// Transition::initial_up_to_renaming, which pdr starts from so that it may ask one rule
// instance per orbit: the initial state with its thread in any slot, and nothing else; and
// the claim it rests on, checked by breadth-first search at small bounds: the states
// reachable from these initial states are exactly the states reachable from the initial
// state with their threads or their files renamed.  (At these bounds the renamed states
// are all reachable from the initial state itself: threads exit and new ones take the
// lowest free slot.  The Horn clauses do not rely on that.)

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../walk.hpp"
#include "checker/explicit/state_table.hpp"
#include "checker/explicit/symmetry.hpp"
#include "checker/smt/transition.hpp"

using namespace pasid;

namespace {

/// A packed state, as bytes (a std::string: g++ 12 warns wrongly on comparing vectors of bytes).
using Key = std::string;

Key key(const StateCodec& codec, const State<Concrete>& s) {
  std::vector<std::uint8_t> packed(codec.width());
  codec.pack(s, packed.data());
  return Key(packed.begin(), packed.end());
}

/// Every state reachable from `from`, once each.
std::vector<State<Concrete>> reachable(const Problem& pb,
                                       const std::vector<State<Concrete>>& from) {
  const auto instances = rule_instances(pb.bounds);
  const StateCodec codec(pb.bounds, pb.design);
  std::set<Key> seen;
  std::vector<State<Concrete>> out;
  for (const auto& s : from)
    if (seen.insert(key(codec, s)).second) out.push_back(s);
  Log<Concrete> log;
  for (std::size_t k = 0; k < out.size(); ++k)
    for (const auto& in : instances) {
      if (!rule_guard(in.rule, out[k], pb.bounds, pb.design, in.args)) continue;
      State<Concrete> next = successor(pb, out[k], in, log);
      if (seen.insert(key(codec, next)).second) out.push_back(next);
    }
  return out;
}

/// s with the slots of `sort` renamed: slot k becomes slot perm[k] (symmetry.hpp's rename,
/// which also renames every reference to them).
State<Concrete> renamed(State<Concrete> s, const Bounds& b, Renaming::Sort sort,
                        const std::vector<int>& perm) {
  Renaming r = Renaming::identity();
  for (std::size_t k = 0; k < perm.size(); ++k) r.to[sort][k] = static_cast<std::int8_t>(perm[k]);
  rename(s, b, r);
  return s;
}

std::vector<std::vector<int>> permutations(int n) {
  std::vector<int> p(static_cast<std::size_t>(n));
  std::iota(p.begin(), p.end(), 0);
  std::vector<std::vector<int>> out;
  do out.push_back(p);
  while (std::next_permutation(p.begin(), p.end()));
  return out;
}

}  // namespace

TEST_CASE("initial_up_to_renaming: the initial state with its thread in any slot, only") {
  Problem pb;
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  smt::Transition t(pb);
  const Bounds& b = pb.bounds;
  int moved = 0;
  for (const auto& perm : permutations(b.threads)) {
    State<Concrete> s = renamed(initial_state<Concrete>(), b, Renaming::thread, perm);
    CHECK(t.initial_up_to_renaming(smt::lift_state(b, s)).simplify().is_true());
    moved += !(s == initial_state<Concrete>());
  }
  CHECK(moved > 0);
  int others = 0;
  for (const auto& s : test::random_walks(pb, 4, 20, 7)) {
    if (s == initial_state<Concrete>()) continue;
    bool any = false;
    for (const auto& perm : permutations(b.threads))
      any = any || renamed(s, b, Renaming::thread, perm) == initial_state<Concrete>();
    if (any) continue;
    CHECK(t.initial_up_to_renaming(smt::lift_state(b, s)).simplify().is_false());
    ++others;
  }
  CHECK(others > 0);
}

TEST_CASE("the states reachable up to renaming are the reachable states renamed") {
  for (Bounds b : {Bounds{3, 2, 2, 1, 1, 1}, Bounds{2, 2, 2, 1, 2, 1}}) {
    Problem pb;
    pb.bounds = b;
    CAPTURE(b.threads);
    CAPTURE(b.files);
    std::vector<State<Concrete>> inits;
    for (const auto& perm : permutations(b.threads))
      inits.push_back(renamed(initial_state<Concrete>(), b, Renaming::thread, perm));
    const StateCodec codec(b, pb.design);
    std::set<Key> from_renamed, all_renamings;
    for (const auto& s : reachable(pb, inits)) from_renamed.insert(key(codec, s));
    const std::vector<State<Concrete>> plain = reachable(pb, {initial_state<Concrete>()});
    for (const auto& s : plain)
      for (const auto& tp : permutations(b.threads))
        for (const auto& fp : permutations(b.files))
          all_renamings.insert(
              key(codec, renamed(renamed(s, b, Renaming::thread, tp), b, Renaming::file, fp)));
    CHECK(plain.size() > 10000);
    CHECK(from_renamed == all_renamings);
  }
}
