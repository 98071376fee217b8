#pragma once
// Reading back a result written by `check --json`: the problem it was checked under and its
// counterexample, replayed through the model (so a file that does not replay is refused).

#include <string>

#include "checker/engine.hpp"

namespace pasid {

struct SavedCounterexample {
  Problem problem;
  Counterexample counterexample;
};

/// Reads `path`; throws InputError naming the file (and line, for JSON syntax errors).
SavedCounterexample read_counterexample(const std::string& path);

}  // namespace pasid
