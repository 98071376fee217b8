// Transition::initial_up_to_renaming, which pdr starts from so that it may ask one rule
// instance per orbit: the initial state with its thread in any slot, and nothing else; and
// the claim it rests on, checked by breadth-first search at small bounds: the states
// reachable from these initial states are exactly the states reachable from the initial
// state with their threads or their files renamed.  (At these bounds the renamed states
// are all reachable from the initial state itself: threads exit and new ones take the
// lowest free slot.  The Horn clauses do not rely on that.)

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>
#include <vector>

#include "../walk.hpp"
#include "checker/smt/transition.hpp"

using namespace pasid;

namespace {

using Key = std::vector<int>;

Key key(const Bounds& b, State<Concrete> s) {
  Key k;
  visit_fields(
      b, [&](const FieldId&, const auto& v) { k.push_back(static_cast<int>(v)); }, s);
  return k;
}

/// Every state reachable from `from`, once each.
std::vector<State<Concrete>> reachable(const Problem& pb,
                                       const std::vector<State<Concrete>>& from) {
  const auto instances = rule_instances(pb.bounds);
  std::set<Key> seen;
  std::vector<State<Concrete>> out;
  for (const auto& s : from)
    if (seen.insert(key(pb.bounds, s)).second) out.push_back(s);
  Log<Concrete> log;
  for (std::size_t k = 0; k < out.size(); ++k)
    for (const auto& in : instances) {
      if (!rule_guard(in.rule, out[k], pb.bounds, pb.design, in.args)) continue;
      State<Concrete> next = successor(pb, out[k], in, log);
      if (seen.insert(key(pb.bounds, next)).second) out.push_back(next);
    }
  return out;
}

/// s with thread slots permuted: slot k of the result is slot perm[k] of s.
State<Concrete> rename_threads(State<Concrete> s, const std::vector<int>& perm) {
  State<Concrete> out = s;
  for (std::size_t k = 0; k < perm.size(); ++k) out.threads[k] = s.threads[perm[k]];
  return out;
}

/// s with file slots permuted (the files, the fds that name them, the portals that map them).
State<Concrete> rename_files(State<Concrete> s, const std::vector<int>& perm) {
  State<Concrete> out = s;
  for (std::size_t k = 0; k < perm.size(); ++k) {
    auto f = static_cast<std::size_t>(perm[k]);
    out.files[k] = s.files[f];
    for (std::size_t p = 0; p < s.procs.size(); ++p) out.procs[p].fd[k] = s.procs[p].fd[f];
    for (std::size_t m = 0; m < s.mms.size(); ++m) out.mms[m].portal[k] = s.mms[m].portal[f];
  }
  return out;
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
  int renamed = 0;
  for (const auto& perm : permutations(b.threads)) {
    State<Concrete> s = rename_threads(initial_state<Concrete>(), perm);
    CHECK(t.initial_up_to_renaming(smt::lift_state(b, s)).simplify().is_true());
    renamed += !(s == initial_state<Concrete>());
  }
  CHECK(renamed > 0);
  int others = 0;
  for (const auto& s : test::random_walks(pb, 4, 20, 7)) {
    if (s == initial_state<Concrete>()) continue;
    bool any = false;
    for (const auto& perm : permutations(b.threads))
      any = any || rename_threads(s, perm) == initial_state<Concrete>();
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
      inits.push_back(rename_threads(initial_state<Concrete>(), perm));
    std::set<Key> from_renamed, renamed;
    for (const auto& s : reachable(pb, inits)) from_renamed.insert(key(b, s));
    const std::vector<State<Concrete>> plain = reachable(pb, {initial_state<Concrete>()});
    for (const auto& s : plain)
      for (const auto& tp : permutations(b.threads))
        for (const auto& fp : permutations(b.files))
          renamed.insert(key(b, rename_files(rename_threads(s, tp), fp)));
    CHECK(plain.size() > 10000);
    CHECK(from_renamed == renamed);
  }
}
