#pragma once
// What `pasidcheck replay` prints and writes: the verdict line, the counterexample of a
// violation with the trace line of each step, and the same as JSON that `show` reads back.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run.hpp"

namespace pasid::replay {

/// The design a replay ran against, as the user named it.
struct ReplayDesign {
  std::string variant = "v5.18";
  std::vector<std::string> mutants;
};

/// "conforms: 23 events matched ...", "diverges at 57: ...", "violates fresh_child at 41".
std::string verdict_line(const Problem& pb, const ReplayRun& run);

/// Why a replay that conforms checked nothing (no line was a model step or an observation
/// it explains), or "" when it checked something or does not conform.
std::string nothing_checked(const ReplayRun& run);

/// The verdict line, and for a violation the counterexample with its trace lines.
std::string format_replay(const std::string& trace, const ReplayDesign& d, const Problem& pb,
                          const ReplayRun& run);

/// The result as JSON, in the layout of `check --json`, so `show` draws its counterexample.
nlohmann::json replay_json(const std::string& trace, const ReplayDesign& d, const Problem& pb,
                           const ReplayRun& run);

}  // namespace pasid::replay
