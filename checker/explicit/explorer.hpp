#pragma once
// The explicit-state engine: breadth-first search over every reachable state within the
// bounds, checking every invariant on every transition, so the first violation found is
// one of the shortest.

#include <cstddef>

#include "checker/engine.hpp"
#include "instances.hpp"

namespace pasid {

/// The reachable state space as a graph, for small bounds (with symmetry on: one state per
/// renaming).  States are kept as they were first reached; every transition is an edge.
struct StateGraph {
  struct Edge {
    std::uint32_t from;
    std::uint32_t to;
    Instance step;
    bool breaks;  ///< the step breaks a step invariant
  };
  std::vector<State<Concrete>> states;
  std::vector<bool> breaks;  ///< the state breaks a state invariant
  std::vector<Edge> edges;
  std::vector<std::uint32_t> path;  ///< the shortest counterexample's states, if any
  std::optional<Edge> bad_step;     ///< and its last step
};

/// Explores like ExplicitEngine, but records every edge and goes on past violations.
/// Throws std::length_error when more than max_states states are reachable.
StateGraph explore_graph(const Problem& problem, std::size_t max_states);

class ExplicitEngine final : public Engine {
 public:
  explicit ExplicitEngine(SearchOptions options = {}) : options_(std::move(options)) {}
  const char* name() const override { return "explicit"; }
  Result check(const Problem& problem) override;

 private:
  SearchOptions options_;
};

}  // namespace pasid
