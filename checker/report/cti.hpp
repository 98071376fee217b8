#pragma once
// k-induction's counterexample to induction, for people: the first state (its fields that
// are not as they start), then each step and the fields it changed, then what broke.

#include <string>

#include "checker/engine.hpp"

namespace pasid {

std::string format_cti(const Problem& pb, const InductionCti& cti);

}  // namespace pasid
