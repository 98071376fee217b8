#pragma once
// Reading a trace as a stream of actions: block by block, never the whole file, in either
// format.  An ftrace text trace (the kernel's or trace-cmd's) goes through a mapping; a
// JSON-lines trace (the first character is '{') names the actions itself, one per line:
//
//   {"task": 1, "event": "fork", "child": 2}
//   {"task": 2, "event": "open", "dev": 1, "fd": 3, "pasid": 2}
//   {"task": 2, "event": "exit"}
//
// "event" is an act (event.hpp) or one of fork, clone (a thread), vfork, and open (bind
// plus the returned fd); the other keys are arguments.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "event.hpp"
#include "mapping.hpp"

namespace pasid::replay {

enum class Format { ftrace, json_lines };

struct SourceStats {
  Format format = Format::ftrace;
  std::int64_t lines = 0;      ///< lines read
  std::int64_t records = 0;    ///< ftrace event lines
  std::int64_t unmapped = 0;   ///< event lines the mapping does not name
  std::string first_unmapped;  ///< the first of them: its event, and its line
  std::int64_t first_unmapped_line = 0;
};

/// Called for each action; returning false stops the reading.
using Sink = std::function<bool(const TraceEvent&)>;

/// Where the reader writes actions in place: each into slot(), then commit() keeps it
/// (returning false stops the reading).  A slot not committed is handed out again.
class EventOut {
 public:
  virtual ~EventOut() = default;
  virtual TraceEvent& slot() = 0;
  virtual bool commit() = 0;
};

/// Reads the trace at `path` up to line `stop_line` (0: to the end).  Throws InputError for
/// a line that is not part of a trace, a timestamp that goes back, or lost events.
SourceStats read_trace(const std::string& path, const Mapping& mapping, const Sink& sink,
                       std::int64_t stop_line = 0);
SourceStats read_trace(const std::string& path, const Mapping& mapping, EventOut& out,
                       std::int64_t stop_line = 0);

/// The same for a trace in memory (the fuzzer's); `name` stands for the file in errors.
SourceStats read_trace_text(std::string_view text, const std::string& name, const Mapping& mapping,
                            const Sink& sink);

/// The format of the trace at `path`, decided by its first line that is not blank or a
/// comment (ftrace when there is none).
Format trace_format(const std::string& path);

/// The mapping among `candidates` whose "detect" conditions the trace meets, judged by the
/// first lines that speak to them; the first candidate when no line does.
const Mapping& detect_mapping(const std::string& path, const std::vector<Mapping>& candidates);

/// One JSON-lines line as actions (an "open" gives two).
void parse_json_line(std::string_view text, const std::string& file, std::int64_t line,
                     std::vector<TraceEvent>& out);

}  // namespace pasid::replay
