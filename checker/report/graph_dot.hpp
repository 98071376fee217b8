#pragma once
// The reachable state space in DOT: a node per state (its live objects, one line each),
// an edge per transition labelled with the rule instance; states that break an invariant
// and steps that break one in red, the shortest counterexample's path in bold blue.

#include <ostream>

#include "checker/explicit/explorer.hpp"

namespace pasid {

/// Writes the state graph as a DOT digraph.
void write_graph_dot(std::ostream& out, const Problem& pb, const StateGraph& g);

/// A state in a few short lines: threads, mms, bonds, the allocator.
std::string state_summary(const Bounds& b, const State<Concrete>& s);

}  // namespace pasid
