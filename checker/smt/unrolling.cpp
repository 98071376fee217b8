#include "unrolling.hpp"

namespace pasid::smt {

Unrolling::Unrolling(const Transition& t, std::string prefix) : t_(t), prefix_(std::move(prefix)) {
  states_.push_back(fresh_state(t_.problem().bounds, t_.problem().design, prefix_ + "0"));
}

const SymbolicStep& Unrolling::extend() {
  int n = length();
  states_.push_back(
      fresh_state(t_.problem().bounds, t_.problem().design, prefix_ + std::to_string(n + 1)));
  steps_.push_back(t_.encode(state(n), state(n + 1), prefix_ + std::to_string(n)));
  return steps_.back();
}

z3::expr Unrolling::property(int j, bool with_types) const {
  return t_.property(state(j), step(j).log, state(j + 1), with_types);
}

}  // namespace pasid::smt
