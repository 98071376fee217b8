#pragma once
// The explicit-state engine: breadth-first search over every reachable state within the
// bounds, checking every invariant on every transition, so the first violation found is
// one of the shortest.

#include "checker/engine.hpp"

namespace pasid {

class ExplicitEngine final : public Engine {
 public:
  const char* name() const override { return "explicit"; }
  Result check(const Problem& problem) override;
};

}  // namespace pasid
