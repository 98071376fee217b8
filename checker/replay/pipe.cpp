#include "pipe.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace pasid::replay {

namespace {

constexpr std::size_t kBatch = 4096;  ///< actions handed over at a time
constexpr std::size_t kQueued = 8;    ///< batches the reader may be ahead

class Pipe {
 public:
  /// Reader side: hands a full batch over, waiting while the queue is full.  False once the
  /// replay has stopped.
  bool put(std::vector<TraceEvent>&& batch) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return q_.size() < kQueued || stopped_; });
    if (stopped_) return false;
    q_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }

  void close(std::exception_ptr error) {
    std::lock_guard lock(m_);
    closed_ = true;
    error_ = error;
    ready_.notify_one();
  }

  /// Replay side: the next batch; false when the reader is done (then rethrows its error).
  bool take(std::vector<TraceEvent>& batch) {
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    batch = std::move(q_.front());
    q_.pop_front();
    room_.notify_one();
    return true;
  }

  void stop() {
    std::lock_guard lock(m_);
    stopped_ = true;
    room_.notify_one();
  }

 private:
  std::mutex m_;
  std::condition_variable room_, ready_;
  std::deque<std::vector<TraceEvent>> q_;
  bool closed_ = false, stopped_ = false;
  std::exception_ptr error_;
};

}  // namespace

SourceStats read_trace_piped(const std::string& path, const Mapping& mapping, const Sink& sink,
                             std::int64_t stop_line) {
  Pipe pipe;
  SourceStats st;
  std::thread reader([&] {
    std::vector<TraceEvent> batch;
    batch.reserve(kBatch);
    std::exception_ptr error;
    try {
      st = read_trace(
          path, mapping,
          [&](const TraceEvent& e) {
            batch.push_back(e);
            if (batch.size() < kBatch) return true;
            bool more = pipe.put(std::move(batch));
            batch.clear();
            batch.reserve(kBatch);
            return more;
          },
          stop_line);
      if (!batch.empty()) pipe.put(std::move(batch));
    } catch (...) {
      if (!batch.empty()) pipe.put(std::move(batch));
      error = std::current_exception();
    }
    pipe.close(error);
  });
  std::vector<TraceEvent> batch;
  try {
    bool going = true;
    while (going && pipe.take(batch))
      for (const TraceEvent& e : batch)
        if (!(going = sink(e))) break;
  } catch (...) {
    pipe.stop();
    reader.join();
    throw;
  }
  pipe.stop();
  reader.join();
  return st;
}

}  // namespace pasid::replay
