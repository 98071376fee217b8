#include "spool.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "checker/error.hpp"
#include "lines.hpp"

namespace pasid::replay {

namespace {

/// A temporary file in $TMPDIR (else /tmp), unlinked at once: its descriptor.
int unnamed_file(const std::string& name) {
  const char* tmpdir = std::getenv("TMPDIR");
  const std::string dir = tmpdir && *tmpdir ? tmpdir : "/tmp";
  std::string templ = dir + "/pasidcheck-trace-XXXXXX";
  int fd = ::mkostemp(templ.data(), O_CLOEXEC);
  if (fd < 0)  // the directory, not the name tried: mkostemp has filled in the Xs
    throw InputError(name, 0, 0,
                     "cannot copy the piped trace into " + dir + ": " + std::strerror(errno));
  ::unlink(templ.c_str());
  return fd;
}

/// Copies everything `in` gives into `out`; the bytes copied.
long long copy_all(int in, int out, const std::string& name) {
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  auto buf = std::make_unique<char[]>(kChunk);
  long long total = 0;
  for (;;) {
    ssize_t got = ::read(in, buf.get(), kChunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError(name, 0, 0, cannot_read(errno));
    if (got == 0) return total;
    for (ssize_t done = 0; done < got;) {
      ssize_t put = ::write(out, buf.get() + done, static_cast<std::size_t>(got - done));
      if (put < 0 && errno == EINTR) continue;
      if (put < 0)
        throw InputError(name, 0, 0,
                         std::string("cannot copy the piped trace: ") + std::strerror(errno));
      done += put;
    }
    total += got;
  }
}

}  // namespace

SpooledTrace::SpooledTrace(const std::string& name) : path_(name) {
  const bool stdin_ = name == "-";
  int in = stdin_ ? STDIN_FILENO : ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) throw InputError(name, 0, 0, cannot_read(errno));
  struct stat st {};
  if (::fstat(in, &st) == 0 && S_ISREG(st.st_mode) && !stdin_) {
    ::close(in);
    return;  // read where it is
  }
  try {
    fd_ = unnamed_file(name);
    bytes_ = copy_all(in, fd_, name);
  } catch (...) {
    if (!stdin_) ::close(in);
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    throw;
  }
  if (!stdin_) ::close(in);
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

SpooledTrace::~SpooledTrace() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace pasid::replay
