#pragma once
// Paths back to the initial state without parent pointers (they would cost 8 bytes a
// state): the search keeps its states in BFS order and where each level starts, and a
// state's parent is found again by expanding the level before it.  Costs at most one more
// expansion of the levels on the path, paid only when a counterexample is printed.

#include <cstdint>
#include <functional>
#include <vector>

#include "checker/engine.hpp"
#include "instances.hpp"
#include "state_table.hpp"

namespace pasid {

/// The stored states of a search, read only.
struct StoredLevels {
  const Problem& pb;
  const std::vector<Instance>& instances;
  const StateCodec& codec;
  std::function<const std::uint8_t*(std::uint32_t)> stored;  ///< state i, itself, packed
  const std::vector<std::uint32_t>& level_first;             ///< index of each level's first state
};

/// The instances of a path from the initial state (stored state 0) to stored state t, each
/// step the first in search order from the level before; the path's states into `states`
/// if given.
std::vector<Instance> path_to(const StoredLevels& levels, std::uint32_t t,
                              std::vector<std::uint32_t>* states);

}  // namespace pasid
