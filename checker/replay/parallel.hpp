#pragma once
// Reading a trace on every core: the file is cut into parts of whole lines, which the
// threads turn into actions side by side; the actions go to the sink part after part, in
// the file's order, one thread at a time (whichever hands in the next part while no other
// is feeding the sink).  No thread waits idle while there is a part to read or to feed,
// and the sink needs no lock of its own.  What a part's lines throw reaches the caller
// after the actions before it, and not at all if the sink stopped first: the same actions,
// statistics and errors as read_trace.

#include <cstddef>
#include <string>

#include "source.hpp"

namespace pasid::replay {

struct ParallelOptions {
  unsigned threads = 0;          ///< 0: one per core, at most 4
  std::size_t part = 256 << 10;  ///< bytes read at a time (a part ends at the last newline)
};

/// read_trace, with the reading shared by `o.threads` threads (the caller's among them).
SourceStats read_trace_parallel(const std::string& path, const Mapping& mapping, const Sink& sink,
                                ParallelOptions o = {});

}  // namespace pasid::replay
