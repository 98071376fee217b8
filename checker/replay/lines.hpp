#pragma once
// A trace's lines into actions, one numbered line at a time: ftrace lines through a
// mapping, or JSON lines.  read_trace (source.cpp) gives them a whole file in order;
// read_trace_parallel (parallel.cpp) gives each a part of it, numbered from 1.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftrace.hpp"
#include "source.hpp"

namespace pasid::replay {

/// The longest line the readers take (their buffers hold it whole); a longer one is bad
/// input, with this message.
inline constexpr std::size_t kLongestLine = std::size_t{1} << 22;
inline constexpr const char* kLineTooLong = "a line longer than 4 MiB";

/// Why the trace cannot be opened or read: errno `err`.
std::string cannot_read(int err);

/// The format a trace's first line that is not blank or a comment decides (nothing for
/// such a line).
std::optional<Format> format_of(std::string_view text);

/// A timestamp as the trace prints it: "16.205331", or a clock's count.
std::string stamp_text(const TraceLine& l);

/// Turns ftrace lines into actions through the mapping.  Throws InputError for a line
/// that is not part of a trace, a timestamp that goes back, or lost events.
class FtraceLines {
 public:
  FtraceLines(const std::string& path, const Mapping& m, EventOut& out, SourceStats& st)
      : path_(path), m_(m), out_(out), st_(st) {}

  /// False when out.commit() stopped the reading.
  bool line(std::string_view text, std::int64_t number, bool complete);

  /// The first and last event lines' timestamps, and the first one's number (0: none yet).
  const TraceLine& first() const { return first_; }
  const TraceLine& last() const { return last_; }
  std::int64_t first_line() const { return first_line_; }

 private:
  const std::string& path_;
  const Mapping& m_;
  EventOut& out_;
  SourceStats& st_;
  TraceLine first_, last_;  ///< timestamps only
  std::int64_t first_line_ = 0;
  std::string why_;  ///< parse_line's reason for a bad line (a member: no string per line)
};

/// Either format, line by line: given, or decided by the first line that is not blank or a
/// comment.
class TraceLines {
 public:
  TraceLines(const std::string& name, const Mapping& m, EventOut& out, std::int64_t stop,
             std::optional<Format> format = std::nullopt)
      : name_(name), out_(out), stop_(stop), ftrace_(name, m, out, st), first_(!format) {
    if (format) st.format = *format;
  }

  /// Line `number`; `complete` is false for a last line without its newline.  False when
  /// the reading stops (at line `stop`, or out.commit() said so).
  bool operator()(std::string_view text, std::int64_t number, bool complete);

  const FtraceLines& ftrace() const { return ftrace_; }

  SourceStats st;

 private:
  const std::string& name_;
  EventOut& out_;
  std::int64_t stop_;
  FtraceLines ftrace_;
  bool first_;
  std::vector<TraceEvent> events_;
};

}  // namespace pasid::replay
