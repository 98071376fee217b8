#pragma once
// Paths back to the initial state without parent pointers (they would cost 8 bytes a
// state): the search keeps its states in BFS order and where each level starts, and a
// state's parent is found again by expanding the level before it.  Costs at most one more
// expansion of the levels on the path, paid only when a counterexample is printed.  With
// symmetry the stored states are representatives, so such a path is renamed, step by step,
// into one from the initial state itself.

#include <cstdint>
#include <vector>

#include "expansion.hpp"

namespace pasid {

/// The instances of a path from stored state 0 to stored state t, each step the first in
/// search order from the level before, whose successor's representative is t; the path's
/// states into `states` if given.
/// `level_first`: the index of each BFS level's first state.
std::vector<Instance> path_to(const ExpansionContext& c,
                              const std::vector<std::uint32_t>& level_first, std::uint32_t t,
                              std::vector<std::uint32_t>* states);

/// A path from the initial state itself: `path` through the stored `states` (path_to's),
/// then `last` from its end, which breaks `invariant` first, renamed back step by step.
/// Throws std::logic_error (an engine bug) if a step has no renamed counterpart.
std::vector<Instance> real_path(const ExpansionContext& c, const std::vector<std::uint32_t>& states,
                                const std::vector<Instance>& path, const Instance& last,
                                int invariant);

}  // namespace pasid
