#include "pipe.hpp"

#include <atomic>
#include <cassert>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace pasid::replay {

namespace {

/// Actions handed over at a time: each hand-over may wake a sleeping thread, which costs
/// as much as a few hundred actions (1,024 a batch made 6,000 context switches on a
/// 10-million-line trace; 4,096 make 1,400).
constexpr std::size_t kBatch = 4096;
constexpr std::size_t kQueued = 4;  ///< batches the reader may be ahead
/// How long the replay, having caught up with the reader, waits awake for the next batch
/// before it sleeps: the reader takes about a millisecond a batch, and waking a sleeping
/// thread cost the reader a twentieth of its time (by perf, in try_to_wake_up).
constexpr auto kSpin = std::chrono::microseconds(2000);

/// A short pause in a loop that waits for another core.
void relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

/// Actions in a block allocated once: the reader writes them in place, the replay reads
/// the first `size`, and the block goes back to the reader to be written again.
struct Batch {
  std::vector<TraceEvent> events = std::vector<TraceEvent>(kBatch);
  std::size_t size = 0;
};

class Pipe {
 public:
  /// Reader side: hands a batch over, waiting while the queue is full, and leaves in
  /// `batch` an empty one, whose memory the replay is done with when there is one.  False
  /// once the replay has stopped.
  bool put(Batch& batch) {
    std::unique_lock lock(m_);
    room_.wait(lock, [&] { return q_.size() < kQueued || stopped_; });
    if (stopped_) return false;
    q_.push_back(std::move(batch));
    batch = Batch{spare_.empty() ? std::vector<TraceEvent>(kBatch) : std::move(spare_.back()), 0};
    if (!spare_.empty()) spare_.pop_back();
    news_.fetch_add(1, std::memory_order_release);
    ready_.notify_one();  // no system call unless the replay sleeps
    return true;
  }

  void close(std::exception_ptr error) {
    std::lock_guard lock(m_);
    closed_ = true;
    error_ = error;
    news_.fetch_add(1, std::memory_order_release);
    ready_.notify_one();
  }

  /// Replay side: the next batch in place of `batch`, whose memory goes back to the
  /// reader; false when the reader is done (then rethrows its error).  Waits awake for a
  /// while first.
  bool take(Batch& batch) {
    await();
    std::unique_lock lock(m_);
    ready_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    if (!batch.events.empty()) spare_.push_back(std::move(batch.events));
    batch = std::move(q_.front());
    q_.pop_front();
    news_.fetch_sub(1, std::memory_order_relaxed);
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
  std::deque<Batch> q_;
  std::vector<std::vector<TraceEvent>> spare_;  ///< blocks the replay has read
  bool closed_ = false, stopped_ = false;
  std::exception_ptr error_;
  /// Batches queued, plus one once closed: what the replay waits for awake.
  std::atomic<std::size_t> news_{0};

  /// Until there is news, or for kSpin; not at all on one core, where the reader would
  /// wait for the spin to end.
  void await() const {
    static const bool cores = std::thread::hardware_concurrency() > 1;
    if (!cores) return;
    const auto until = std::chrono::steady_clock::now() + kSpin;
    for (unsigned k = 1; news_.load(std::memory_order_acquire) == 0; ++k) {
      relax();
      if (k % 64 == 0 && std::chrono::steady_clock::now() > until) return;
    }
  }
};

/// The reader's side: actions written into the current batch, sent when it is full.
class BatchOut final : public EventOut {
 public:
  explicit BatchOut(Pipe& pipe) : pipe_(pipe) {}
  TraceEvent& slot() override {
    assert(batch_.size < kBatch);  // a full batch was sent, or the reading stopped
    return batch_.events[batch_.size];
  }
  bool commit() override { return ++batch_.size < kBatch || pipe_.put(batch_); }
  /// Sends what is left.
  void flush() {
    if (batch_.size > 0) pipe_.put(batch_);
  }

 private:
  Pipe& pipe_;
  Batch batch_;
};

}  // namespace

SourceStats read_trace_piped(const std::string& path, const Mapping& mapping, const Sink& sink,
                             std::int64_t stop_line) {
  Pipe pipe;
  SourceStats st;
  std::thread reader([&] {
    BatchOut out(pipe);
    std::exception_ptr error;
    try {
      st = read_trace(path, mapping, out, stop_line);
    } catch (...) {
      error = std::current_exception();
    }
    out.flush();
    pipe.close(error);
  });
  Batch batch{{}, 0};
  try {
    bool going = true;
    while (going && pipe.take(batch))
      for (std::size_t k = 0; k < batch.size && going; ++k) going = sink(batch.events[k]);
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
