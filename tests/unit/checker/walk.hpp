#pragma once
// Reachable states for property tests: random walks from the initial state (fixed seed),
// restarting from it whenever a walk dead-ends.

#include <random>
#include <vector>

#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"

namespace pasid::test {

inline std::vector<State<Concrete>> random_walks(const Problem& pb, int walks, int steps,
                                                 unsigned seed) {
  std::mt19937 rng(seed);
  auto instances = rule_instances(pb.bounds);
  std::vector<State<Concrete>> out;
  Log<Concrete> log;
  for (int w = 0; w < walks; ++w) {
    State<Concrete> s = initial_state<Concrete>();
    for (int k = 0; k < steps; ++k) {
      out.push_back(s);
      std::vector<const Instance*> enabled;
      for (const auto& in : instances)
        if (rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) enabled.push_back(&in);
      if (enabled.empty()) break;
      s = successor(pb, s, *enabled[rng() % enabled.size()], log);
    }
  }
  return out;
}

}  // namespace pasid::test
