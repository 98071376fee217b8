#pragma once
// A model path printed as the kernel would trace it (ftrace text, the 5.18 to 6.15 layout
// of traces/mapping/linux-5.18.json): each step as the tracepoint, syscall and kprobe lines
// its kernel functions print, with made-up but consistent pids, fds, addresses, mm
// pointers and PASIDs.  `check --ftrace` writes a counterexample this way; replaying it
// must break the same invariant at the last step's line, which tests the replay against
// the explicit engine, and makes the synthetic traces of traces/synthetic/.

#include <string>
#include <vector>

#include "checker/engine.hpp"

namespace pasid::replay {

struct WrittenTrace {
  std::string text;
  std::vector<int> step_lines;  ///< for each step, the line that makes it in a replay
  /// The first step's rule that the mappings have no trace form for (design A's IPIs and
  /// context switches); text is then empty.
  std::string unprintable;
};

/// The trace of `cex`'s steps, headed by ftrace's own comment lines.
WrittenTrace write_ftrace(const Problem& pb, const Counterexample& cex);

}  // namespace pasid::replay
