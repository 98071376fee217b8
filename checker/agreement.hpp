#pragma once
// Engines must agree: the cross-check `check --engine all` and the agreement suite run.

#include <string>
#include <vector>

#include "engine.hpp"

namespace pasid {

/// Empty when the results of different engines on one problem are consistent; otherwise
/// what contradicts.  Two definite verdicts must be equal; the explicit engine's and BMC's
/// counterexamples (both shortest) must have the same length; and BMC must not miss a
/// violation within the depth it searched.
std::string disagreement(const std::vector<Result>& results);

}  // namespace pasid
