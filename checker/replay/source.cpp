#include "source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>

#include "checker/error.hpp"
#include "lines.hpp"

namespace pasid::replay {

namespace {

/// Bytes read at a time: few enough that they are still in the core's cache when parsed.
constexpr std::size_t kChunk = 1 << 17;

/// Calls f(line, number, complete) for each line of the file; `complete` is false for a
/// last line without its newline.  Stops when f returns false.
template <class F>
void for_each_line(const std::string& path, F&& f) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError(path, 0, 0, cannot_read(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  std::unique_ptr<char[]> buf(new char[kLongestLine]);
  std::size_t have = 0;
  std::int64_t number = 0;
  for (;;) {
    ssize_t got = ::read(fd, buf.get() + have, std::min(kChunk, kLongestLine - have));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(path, 0, 0, cannot_read(errno));
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
    if (have == kLongestLine) throw InputError(path, static_cast<int>(number + 1), 1, kLineTooLong);
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

Format trace_format(const std::string& path) {
  Format format = Format::ftrace;
  for_each_line(path, [&](std::string_view text, std::int64_t, bool) {
    std::optional<Format> f = format_of(text);
    if (f) format = *f;
    return !f;
  });
  return format;
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
