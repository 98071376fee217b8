// The invariants a search checks on each transition (checker/explicit/invariant_set.hpp):
// the same verdict and premises (and premise counts, by position) as the properties
// evaluated one by one, for built-in, written and repeated invariants, on random walks of
// designs that break them.

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "checker/explicit/invariant_set.hpp"
#include "checker/explicit/successor.hpp"
#include "written_forms.hpp"

using namespace pasid;

namespace {

/// Every built-in invariant, then every written form, then the first built-in again.
std::vector<Property> mixed() {
  std::vector<Property> out = builtin_properties();
  for (const auto& [name, p] : test::written_forms()) out.push_back(p);
  out.push_back(out.front());
  return out;
}

/// Checks `set` against pb's properties one by one over `steps` random steps.
void compare(const Problem& pb, const std::vector<std::size_t>& which, unsigned seed, int& broke) {
  InvariantSet set(pb, which);
  std::mt19937 rng(seed);
  auto instances = rule_instances(pb.bounds);
  State<Concrete> s = initial_state<Concrete>();
  Log<Concrete> log;
  for (int k = 0; k < 400; ++k) {
    std::vector<const Instance*> enabled;
    for (const auto& in : instances)
      if (rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) enabled.push_back(&in);
    if (enabled.empty()) {
      s = initial_state<Concrete>();
      continue;
    }
    State<Concrete> next = successor(pb, s, *enabled[rng() % enabled.size()], log);
    std::uint64_t premises = 0, broke_j = 0, broke_at = 0;
    std::vector<std::uint64_t> expected(pb.invariants.size(), 0), counted(expected);
    for (std::size_t j = 0; j < which.size(); ++j) {
      const Property& p = pb.invariants[which[j]];
      bool premise = property_premise(p, pb.bounds, s, log, next);
      premises |= std::uint64_t{premise} << j;
      expected[which[j]] += premise;
      bool holds = property_holds(p, pb.bounds, s, log, next);
      broke_j |= std::uint64_t{!holds} << j;
      broke_at |= std::uint64_t{!holds} << which[j];
    }
    std::uint64_t held = 0;
    std::uint64_t got = set.broken(s, log, next, held);
    CHECK(got == broke_j);
    CHECK(set.at_positions(got) == broke_at);
    CHECK(held == premises);
    bool any = broke_j != 0;
    set.count(held, counted);
    CHECK(counted == expected);
    broke += any;
    s = any ? initial_state<Concrete>() : next;
  }
}

}  // namespace

TEST_CASE("InvariantSet: the verdict and premises of its properties, one by one") {
  int broke = 0;
  for (const auto& m : mutants()) {
    std::string name = m.name;
    CAPTURE(name);
    Problem pb;
    pb.bounds = {3, 2, 2, 1, 2, 2};
    m.apply(pb.design);
    pb.invariants = mixed();
    std::vector<std::size_t> all, odd, reversed;
    for (std::size_t i = 0; i < pb.invariants.size(); ++i) {
      all.push_back(i);
      if (i % 2) odd.push_back(i);
      reversed.insert(reversed.begin(), i);
    }
    CHECK(InvariantSet(pb, odd).positions() == odd);
    for (bool step : {true, false})
      for (std::size_t i : invariants_reading(pb, step))
        CHECK(pb.invariants[i].reads_step() == step);
    CHECK(invariants_reading(pb, true).size() + invariants_reading(pb, false).size() == all.size());
    for (const auto& which : {all, odd, reversed}) compare(pb, which, 7, broke);
  }
  CHECK(broke > 0);  // the mutants break some, so both verdicts are compared
}
