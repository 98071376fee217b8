#pragma once
// Reading back a result written by `check --json`: the problem it was checked under and its
// counterexample, replayed through the model (so a file that does not replay is refused).

#include <string>
#include <string_view>

#include "checker/engine.hpp"

namespace pasid {

struct SavedCounterexample {
  Problem problem;
  Counterexample counterexample;
};

/// Reads `path`; throws InputError naming the file, and the line and column of what is wrong.
SavedCounterexample read_counterexample(const std::string& path);
/// The same for the text of a result; `file` names it in errors.
SavedCounterexample parse_counterexample(std::string_view text, const std::string& file);

}  // namespace pasid
