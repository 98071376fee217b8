#pragma once
// Reading and replaying on two cores: one thread reads the trace and turns its lines into
// actions, in batches through a short queue; the caller's thread replays them.  What the
// reader throws reaches the caller after the actions before it, and not at all if the
// replay stopped first, as when both run in one thread.

#include <cstdint>
#include <functional>
#include <string>

#include "source.hpp"

namespace pasid::replay {

/// read_trace, with the sink called on the caller's thread while another thread reads.
SourceStats read_trace_piped(const std::string& path, const Mapping& mapping, const Sink& sink,
                             std::int64_t stop_line = 0);

}  // namespace pasid::replay
