#pragma once
// A whole replay: the trace read once to a verdict and, when an invariant breaks, a second
// time up to that line to keep the path, which becomes a counterexample like the engines'.

#include <optional>
#include <string>
#include <vector>

#include "mapping.hpp"
#include "replayer.hpp"
#include "source.hpp"

namespace pasid::replay {

struct ReplayRun {
  ReplayResult result;
  SourceStats source;
  std::string mapping;  ///< the name of the mapping used
  double seconds = 0;
  std::optional<Counterexample> counterexample;  ///< violates: the model path to the line
};

/// The problem a replay checks: the design, every slot the model has, and the built-in
/// invariants named (all of them when `names` is empty).  Throws InputError naming
/// `where` for an unknown name.
Problem replay_problem(const Design& design, const std::vector<std::string>& names = {},
                       const std::string& where = "");

/// Throws InputError at `where` (its message headed by `prefix`) when no mapping can show
/// `variant`'s design: the mappings cover 5.18 and later, and design A has none.
void require_mapped(const Design& design, const std::string& variant, const std::string& where,
                    const std::string& prefix = "");

/// Replays the trace at `path`, read by `threads` threads (0: one per core, at most 4).
ReplayRun run_replay(const std::string& path, const Problem& pb, const Mapping& mapping,
                     std::int64_t root_pid = 0, unsigned threads = 0);

/// The mappings under traces/mapping/, built into the program.
const std::vector<Mapping>& builtin_mappings();

}  // namespace pasid::replay
