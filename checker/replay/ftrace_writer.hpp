#pragma once
// A model path printed as the kernel would trace it (ftrace text, in the layout of
// traces/mapping/linux-5.18.json or linux-6.16.json): each step as the tracepoint, syscall
// and kprobe lines
// its kernel functions print, with made-up but consistent pids, fds, addresses, mm
// pointers and PASIDs.  `check --ftrace` writes a counterexample this way; replaying it
// must break the same invariant at the last step's line, which tests the replay against
// the explicit engine, and makes the synthetic traces of traces/synthetic/.

#include <optional>
#include <string>
#include <string_view>
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

/// How the kernel prints a task's exit: 5.18 to 6.15 print sched_process_exit after
/// exit_mm_release; 6.16 on (3e816361e94a) print it first, with group_dead.
enum class ExitLayout { linux_5_18, linux_6_16 };
/// The names of the mappings that read each layout, in ExitLayout's order.
inline constexpr const char* kLayoutNames[] = {"linux-5.18", "linux-6.16"};

/// The layout of the kernels a variant covers: 6.16's for v6.19-early (6.18.7 on), 5.18's
/// for the others (v6.x covers 6.8 to 6.19, both layouts).
ExitLayout default_layout(std::string_view variant);

/// The layout a mapping name reads ("linux-5.18", "linux-6.16"), or nothing.
std::optional<ExitLayout> layout_named(std::string_view mapping);

/// The trace of `cex`'s steps, headed by ftrace's own comment lines.
WrittenTrace write_ftrace(const Problem& pb, const Counterexample& cex,
                          ExitLayout layout = ExitLayout::linux_5_18);

}  // namespace pasid::replay
