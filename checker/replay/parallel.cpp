#include "parallel.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "checker/engine.hpp"
#include "checker/error.hpp"
#include "lines.hpp"

namespace pasid::replay {

namespace {

constexpr std::size_t kAhead = 8;  ///< parts read past the oldest one not yet fed

/// Whole lines of the file, and the actions they gave, numbered from the part's first line.
struct Part {
  std::int64_t seq = 0;
  std::unique_ptr<char[]> text{new char[kLongestLine]};
  std::size_t size = 0;
  bool too_long = false;   ///< after its lines comes a line longer than kLongestLine
  std::string read_error;  ///< after its lines, read(2) failed
  std::vector<TraceEvent> events;
  std::size_t count = 0;  ///< events given
  SourceStats st;
  TraceLine first, last;  ///< the first and last event lines' timestamps
  std::int64_t first_line = 0;
  std::exception_ptr error;  ///< what its lines threw, at line error_line (0: not an InputError)
  int error_line = 0;
};

/// Actions into a part, after the ones it has.
class PartOut final : public EventOut {
 public:
  explicit PartOut(Part& p) : p_(p) {}
  TraceEvent& slot() override {
    if (p_.count == p_.events.size()) p_.events.emplace_back();
    return p_.events[p_.count];
  }
  bool commit() override {
    ++p_.count;
    return true;
  }

 private:
  Part& p_;
};

class Reading {
 public:
  Reading(const std::string& path, const Mapping& m, const Sink& sink, Format format,
          std::size_t part)
      : path_(path), m_(m), sink_(sink), format_(format), part_(std::min(part, kLongestLine)) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError(path, 0, 0, cannot_read(errno));
    total_.format = format;
  }
  ~Reading() { ::close(fd_); }

  /// What each thread runs: read a part, turn its lines into actions, hand it in.
  void work() {
    try {
      while (std::unique_ptr<Part> p = next_part()) {
        parse(*p);
        hand_in(std::move(p));
      }
    } catch (...) {
      std::lock_guard lock(mu_);
      stop(std::current_exception());
    }
  }

  /// After every thread's work: the statistics, or the first error in the file's order.
  SourceStats result() const {
    if (error_) std::rethrow_exception(error_);
    return total_;
  }

 private:
  const std::string& path_;
  const Mapping& m_;
  const Sink& sink_;
  const Format format_;
  const std::size_t part_;
  int fd_ = -1;

  std::mutex file_mu_;       // guards the file's side: fd_ and what follows
  std::vector<char> carry_;  ///< bytes after the last part's last newline
  std::int64_t read_ = 0;    ///< parts read
  bool at_end_ = false;      ///< nothing more to read

  std::mutex mu_;  // guards what follows (taken after file_mu_ where both are)
  std::condition_variable room_;
  bool eof_ = false, stopped_ = false, feeding_ = false;
  std::int64_t taken_ = 0, fed_ = 0;  ///< parts taken to be read (read_ at most), parts fed
  std::array<std::unique_ptr<Part>, kAhead> ready_;  ///< parsed, by seq % kAhead
  std::vector<std::unique_ptr<Part>> spare_;
  std::exception_ptr error_;

  // Touched by the thread feeding the sink only.
  SourceStats total_;
  std::int64_t offset_ = 0;  ///< lines in the parts fed
  TraceLine last_;           ///< the last event line fed: its timestamp
  bool any_record_ = false;

  void stop(std::exception_ptr error) {
    if (!error_) error_ = error;
    stopped_ = true;
    room_.notify_all();
  }

  std::unique_ptr<Part> next_part();
  void fill(Part& p);
  void parse(Part& p) const;
  void hand_in(std::unique_ptr<Part> p);
  bool feed(Part& p);
  void check_boundary(const Part& p) const;
};

std::unique_ptr<Part> Reading::next_part() {
  std::unique_ptr<Part> p;
  {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return stopped_ || eof_ || taken_ - fed_ < std::int64_t{kAhead}; });
    if (stopped_ || eof_) return nullptr;
    ++taken_;
    if (spare_.empty()) {
      p = std::make_unique<Part>();
    } else {
      p = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  // The file apart from mu_: the thread feeding the sink need not wait for a read.
  std::lock_guard file(file_mu_);
  if (at_end_) {  // another thread read the last part meanwhile
    std::lock_guard lock(mu_);
    --taken_;
    spare_.push_back(std::move(p));
    return nullptr;
  }
  p->seq = read_++;
  fill(*p);
  if (at_end_) {
    std::lock_guard lock(mu_);
    eof_ = true;
    room_.notify_all();
  }
  return p;
}

/// The carried bytes and the next read(2)s, up to the last newline (under file_mu_).
void Reading::fill(Part& p) {
  p.too_long = false;
  p.read_error.clear();
  std::copy(carry_.begin(), carry_.end(), p.text.get());
  p.size = carry_.size();
  carry_.clear();
  for (;;) {
    ssize_t got = ::read(fd_, p.text.get() + p.size, std::min(part_, kLongestLine - p.size));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      at_end_ = true;
      if (got < 0) {  // the part holds no whole line: it would have been handed out
        p.read_error = cannot_read(errno);
        p.size = 0;
      }
      return;  // what is left is the last line, without its newline
    }
    const char* fresh = p.text.get() + p.size;
    p.size += static_cast<std::size_t>(got);
    if (const void* nl = ::memrchr(fresh, '\n', static_cast<std::size_t>(got))) {
      const char* after = static_cast<const char*>(nl) + 1;
      carry_.assign(after, static_cast<const char*>(p.text.get() + p.size));
      p.size = static_cast<std::size_t>(after - p.text.get());
      return;
    }
    if (p.size == kLongestLine) {  // no newline in it: one line, carried from part to part
      p.too_long = true;
      p.size = 0;
      at_end_ = true;
      return;
    }
  }
}

/// The part's lines into actions (no lock: the part is this thread's alone).
void Reading::parse(Part& p) const {
  p.count = 0;
  p.error = nullptr;
  p.error_line = 0;
  PartOut out(p);
  TraceLines lines(path_, m_, out, 0, format_);
  std::int64_t number = 0;
  try {
    const char* at = p.text.get();
    const char* end = at + p.size;
    while (const char* nl = static_cast<const char*>(std::memchr(at, '\n', end - at))) {
      lines(std::string_view(at, nl - at), ++number, true);
      at = nl + 1;
    }
    if (at < end) lines(std::string_view(at, end - at), ++number, false);
  } catch (const InputError& e) {
    p.error = std::current_exception();
    p.error_line = e.line();
  } catch (...) {
    p.error = std::current_exception();
  }
  p.st = lines.st;
  p.st.lines = number;
  p.first = lines.ftrace().first();
  p.last = lines.ftrace().last();
  p.first_line = lines.ftrace().first_line();
}

/// Keeps a parsed part; feeds the sink while the next part is in and no one else feeds it.
void Reading::hand_in(std::unique_ptr<Part> p) {
  std::unique_lock lock(mu_);
  ready_[static_cast<std::size_t>(p->seq) % kAhead] = std::move(p);
  if (feeding_) return;
  feeding_ = true;
  for (;;) {
    std::unique_ptr<Part>& slot = ready_[static_cast<std::size_t>(fed_) % kAhead];
    if (stopped_ || !slot || slot->seq != fed_) break;
    std::unique_ptr<Part> q = std::move(slot);
    lock.unlock();
    std::exception_ptr error;
    bool going = true;
    try {
      going = feed(*q);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    ++fed_;
    spare_.push_back(std::move(q));
    if (error || !going) stop(error);
    room_.notify_all();
  }
  feeding_ = false;
}

/// The part's actions to the sink, its line numbers now the file's; then its error.
bool Reading::feed(Part& p) {
  check_boundary(p);
  for (std::size_t k = 0; k < p.count; ++k) {
    TraceEvent& e = p.events[k];
    e.line += offset_;
    if (!sink_(e)) {
      total_.lines = e.line;
      return false;
    }
  }
  if (p.st.unmapped > 0 && total_.unmapped == 0) {
    total_.first_unmapped = p.st.first_unmapped;
    total_.first_unmapped_line = p.st.first_unmapped_line + offset_;
  }
  total_.records += p.st.records;
  total_.unmapped += p.st.unmapped;
  if (p.error) {
    try {
      std::rethrow_exception(p.error);
    } catch (const InputError& e) {
      throw InputError(e.file(), e.line() > 0 ? static_cast<int>(e.line() + offset_) : 0, e.col(),
                       e.what());
    }
  }
  if (p.too_long)
    throw InputError(path_, static_cast<int>(offset_ + p.st.lines + 1), 1, kLineTooLong);
  if (!p.read_error.empty()) throw InputError(path_, 0, 0, p.read_error);
  if (p.first_line != 0) {
    last_ = p.last;
    any_record_ = true;
  }
  offset_ += p.st.lines;
  total_.lines = offset_;
  return true;
}

/// The timestamp check across parts: each part's lines checked their own.
void Reading::check_boundary(const Part& p) const {
  bool before_error = !p.error || p.error_line == 0 || p.first_line <= p.error_line;
  if (!any_record_ || p.first_line == 0 || !before_error || p.first.stamp >= last_.stamp) return;
  throw InputError(path_, static_cast<int>(offset_ + p.first_line), 1,
                   "the timestamp goes back in time (" + stamp_text(p.first) + " after " +
                       stamp_text(last_) + ")");
}

}  // namespace

SourceStats read_trace_parallel(const std::string& path, const Mapping& mapping, const Sink& sink,
                                ParallelOptions o) {
  const unsigned threads = o.threads ? o.threads : default_threads();
  Reading reading(path, mapping, sink, trace_format(path), o.part);
  std::vector<std::thread> others;
  for (unsigned k = 1; k < threads; ++k) others.emplace_back([&] { reading.work(); });
  reading.work();
  for (auto& t : others) t.join();
  return reading.result();
}

}  // namespace pasid::replay
