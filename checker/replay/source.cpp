#include "source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>

#include "checker/error.hpp"

namespace pasid::replay {

namespace {

constexpr std::size_t kBlock = 1 << 22;  ///< the buffer: the longest line
/// Bytes read at a time: few enough that they are still in the core's cache when parsed.
constexpr std::size_t kChunk = 1 << 17;

/// Calls f(line, number, complete) for each line of the file; `complete` is false for a
/// last line without its newline.  Stops when f returns false.
template <class F>
void for_each_line(const std::string& path, F&& f) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    throw InputError(path, 0, 0, std::string("cannot read the trace: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  std::unique_ptr<char[]> buf(new char[kBlock]);
  std::size_t have = 0;
  std::int64_t number = 0;
  for (;;) {
    ssize_t got = ::read(fd, buf.get() + have, std::min(kChunk, kBlock - have));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0)
      throw InputError(path, 0, 0, std::string("cannot read the trace: ") + std::strerror(errno));
    std::size_t end = have + static_cast<std::size_t>(got);
    const char* p = buf.get();
    const char* stop = p + end;
    while (const char* nl = static_cast<const char*>(std::memchr(p, '\n', stop - p))) {
      if (!f(std::string_view(p, nl - p), ++number, true)) return;
      p = nl + 1;
    }
    have = static_cast<std::size_t>(stop - p);
    if (got == 0) {
      if (have > 0) f(std::string_view(p, have), ++number, false);
      return;
    }
    if (have == kBlock)
      throw InputError(path, static_cast<int>(number + 1), 1, "a line longer than 4 MiB");
    std::memmove(buf.get(), p, have);
  }
}

/// Each action to a sink, through one slot.
class SinkOut final : public EventOut {
 public:
  explicit SinkOut(const Sink& sink) : sink_(sink) {}
  TraceEvent& slot() override { return ev_; }
  bool commit() override { return sink_(ev_); }

 private:
  const Sink& sink_;
  TraceEvent ev_;
};

/// Turns ftrace lines into actions through the mapping.
class FtraceLines {
 public:
  FtraceLines(const std::string& path, const Mapping& m, EventOut& out, SourceStats& st)
      : path_(path), m_(m), out_(out), st_(st) {}

  bool line(std::string_view text, std::int64_t number, bool complete) {
    TraceLine l;
    int col = 0;
    switch (parse_line(text, l, why_, col)) {
      case LineKind::comment:
        return true;
      case LineKind::lost:
        throw InputError(path_, static_cast<int>(number), 1,
                         "the kernel lost events here (its ring buffer overflowed), so the trace "
                         "does not show everything that happened; record with a larger "
                         "buffer_size_kb");
      case LineKind::bad:
        throw InputError(path_, static_cast<int>(number), col,
                         complete ? why_ : "the last line is cut off: " + why_);
      case LineKind::record:
        break;
    }
    ++st_.records;
    if (l.stamp < last_.stamp)
      throw InputError(
          path_, static_cast<int>(number), 1,
          "the timestamp goes back in time (" + stamp(l) + " after " + stamp(last_) + ")");
    last_.stamp = l.stamp;
    last_.in_ns = l.in_ns;
    const std::vector<int>* rules = m_.find(l.event);
    if (!rules) {
      if (st_.unmapped++ == 0) {
        st_.first_unmapped.assign(l.event);
        st_.first_unmapped_line = number;
      }
      return true;
    }
    for (int r : *rules) {
      TraceEvent& ev = out_.slot();
      if (!apply_rule(m_.rules[r], l, ev, path_, number)) continue;
      ev.line = number;
      ev.what = m_.rules[r].event;
      if (!out_.commit()) return false;
    }
    return true;
  }

 private:
  const std::string& path_;
  const Mapping& m_;
  EventOut& out_;
  SourceStats& st_;
  TraceLine last_;   ///< the last record's timestamp
  std::string why_;  ///< parse_line's reason for a bad line (a member: no string per line)

  /// A timestamp as the trace prints it.
  static std::string stamp(const TraceLine& l) {
    char s[40];
    if (!l.in_ns) return std::to_string(l.stamp);
    std::snprintf(s, sizeof s, "%lld.%06lld", static_cast<long long>(l.stamp / 1'000'000'000),
                  static_cast<long long>(l.stamp % 1'000'000'000 / 1000));
    return s;
  }
};

}  // namespace

namespace {

/// Either format, line by line: the first line that is not blank or a comment decides.
class TraceLines {
 public:
  TraceLines(const std::string& name, const Mapping& m, EventOut& out, std::int64_t stop)
      : name_(name), out_(out), stop_(stop), ftrace_(name, m, out, st) {}

  bool operator()(std::string_view text, std::int64_t number, bool complete) {
    if (stop_ > 0 && number > stop_) return false;
    st.lines = number;
    if (!first_ && st.format == Format::ftrace) return ftrace_.line(text, number, complete);
    std::size_t k = 0;  // a plain loop: find_first_not_of calls memchr per character
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
    bool blank = k == text.size();
    bool comment = !blank && text[k] == '#';
    if (first_ && !blank && !comment) {
      first_ = false;
      if (text[k] == '{') st.format = Format::json_lines;
    }
    if (st.format == Format::ftrace) return ftrace_.line(text, number, complete);
    if (blank || comment) return true;
    events_.clear();
    parse_json_line(text, name_, number, events_);
    for (const auto& e : events_) {
      out_.slot() = e;
      if (!out_.commit()) return false;
    }
    return true;
  }

  SourceStats st;

 private:
  const std::string& name_;
  EventOut& out_;
  std::int64_t stop_;
  FtraceLines ftrace_;
  bool first_ = true;
  std::vector<TraceEvent> events_;
};

}  // namespace

SourceStats read_trace(const std::string& path, const Mapping& mapping, EventOut& out,
                       std::int64_t stop_line) {
  TraceLines lines(path, mapping, out, stop_line);
  for_each_line(path, std::ref(lines));
  return lines.st;
}

SourceStats read_trace(const std::string& path, const Mapping& mapping, const Sink& sink,
                       std::int64_t stop_line) {
  SinkOut out(sink);
  return read_trace(path, mapping, out, stop_line);
}

SourceStats read_trace_text(std::string_view text, const std::string& name, const Mapping& mapping,
                            const Sink& sink) {
  SinkOut out(sink);
  TraceLines lines(name, mapping, out, 0);
  std::int64_t number = 0;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    bool complete = nl != std::string_view::npos;
    if (!lines(text.substr(0, complete ? nl : text.size()), ++number, complete)) break;
    text.remove_prefix(complete ? nl + 1 : text.size());
  }
  return lines.st;
}

const Mapping& detect_mapping(const std::string& path, const std::vector<Mapping>& candidates) {
  std::vector<bool> fits(candidates.size(), true);
  bool decided = false;
  std::int64_t budget = 1'000'000;  // lines to look at before settling for the first
  for_each_line(path, [&](std::string_view text, std::int64_t, bool) {
    TraceLine l;
    std::string why;
    int col = 0;
    if (parse_line(text, l, why, col) != LineKind::record) return --budget > 0;
    for (std::size_t k = 0; k < candidates.size(); ++k)
      fits[k] = fits[k] && detect_matches(candidates[k], l, decided);
    return !decided && --budget > 0;
  });
  for (std::size_t k = 0; k < candidates.size(); ++k)
    if (fits[k]) return candidates[k];
  return candidates.front();
}

}  // namespace pasid::replay
