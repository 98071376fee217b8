#pragma once
// A trace the replay can read more than once.  It reads a trace up to three times: to
// detect its mapping, to replay it, and again up to the line it stopped at to explain a
// divergence or keep a violation's path.  A pipe (`trace-cmd report | pasidcheck replay -`,
// a shell's `<(...)`, /dev/stdin, a FIFO) is read once, so it is first copied whole to an
// unnamed temporary file, which the replay then reads by its /proc/self/fd name.

#include <string>

namespace pasid::replay {

class SpooledTrace {
 public:
  /// The trace named `name`: "-" is standard input.  Throws InputError (naming `name`) when
  /// it cannot be opened or read, or the temporary copy cannot be written.
  explicit SpooledTrace(const std::string& name);
  ~SpooledTrace();
  SpooledTrace(const SpooledTrace&) = delete;
  SpooledTrace& operator=(const SpooledTrace&) = delete;

  /// What to open: `name` itself for a regular file, else the copy.
  const std::string& path() const { return path_; }
  /// Whether the trace was copied.
  bool spooled() const { return fd_ >= 0; }
  /// Bytes copied (0 when not spooled).
  long long bytes() const { return bytes_; }

 private:
  std::string path_;
  int fd_ = -1;  // the copy, already unlinked: it goes when the process does
  long long bytes_ = 0;
};

}  // namespace pasid::replay
