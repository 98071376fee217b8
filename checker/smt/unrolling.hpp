#pragma once
// x_0 --T--> x_1 --T--> ... --T--> x_n: the transition relation copied n times with fresh
// state and input constants, for the engines that unroll (BMC, k-induction).

#include <deque>
#include <string>

#include "transition.hpp"

namespace pasid::smt {

class Unrolling {
 public:
  /// Starts with x_0 alone; constants are named "<field>@<prefix><j>".
  Unrolling(const Transition& t, std::string prefix);

  /// Adds x_{n+1} and the step x_n -> x_{n+1}, and returns the step.
  const SymbolicStep& extend();

  /// n: the number of steps.
  int length() const { return static_cast<int>(steps_.size()); }
  const SymState& state(int j) const { return states_[static_cast<std::size_t>(j)]; }
  const SymbolicStep& step(int j) const { return steps_[static_cast<std::size_t>(j)]; }

  /// The checked invariants (and, with_types, the type invariant) over step j.
  z3::expr property(int j, bool with_types = true) const;

 private:
  const Transition& t_;
  std::string prefix_;
  std::deque<SymState> states_;  // a deque: references stay valid as it grows
  std::deque<SymbolicStep> steps_;
};

}  // namespace pasid::smt
