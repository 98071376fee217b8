// A trace read through a pipe is copied once and then read like a file
// (checker/replay/spool.hpp); a regular file is read where it is.

#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "checker/error.hpp"
#include "checker/replay/spool.hpp"

using namespace pasid;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_name(const char* what) {
  return "/tmp/pasidcheck-spool-test-" + std::to_string(::getpid()) + "-" + what;
}

}  // namespace

TEST_CASE("a regular file is read where it is") {
  std::string name = temp_name("file");
  std::ofstream(name) << "line\n";
  replay::SpooledTrace t(name);
  CHECK_FALSE(t.spooled());
  CHECK(t.path() == name);
  ::unlink(name.c_str());
}

TEST_CASE("a FIFO is copied once and can be read again, as often as asked") {
  std::string name = temp_name("fifo");
  REQUIRE(::mkfifo(name.c_str(), 0600) == 0);
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "line " + std::to_string(i) + "\n";  // > a pipe's buffer
  std::thread writer([&] { std::ofstream(name, std::ios::binary) << text; });
  {
    replay::SpooledTrace t(name);
    writer.join();
    CHECK(t.spooled());
    CHECK(t.bytes() == static_cast<long long>(text.size()));
    CHECK(t.path() != name);
    CHECK(read_all(t.path()) == text);
    CHECK(read_all(t.path()) == text);
  }
  ::unlink(name.c_str());
}

TEST_CASE("an empty pipe is an empty trace") {
  std::string name = temp_name("empty");
  REQUIRE(::mkfifo(name.c_str(), 0600) == 0);
  std::thread writer([&] { std::ofstream out(name); });
  replay::SpooledTrace t(name);
  writer.join();
  CHECK(t.spooled());
  CHECK(t.bytes() == 0);
  CHECK(read_all(t.path()).empty());
  ::unlink(name.c_str());
}

TEST_CASE("a stream with nowhere to copy it to: the error names it and the directory") {
  const char* before = std::getenv("TMPDIR");
  std::string kept = before ? before : "";
  ::setenv("TMPDIR", "/nonexistent-tmpdir", 1);
  try {
    replay::SpooledTrace t("/dev/null");  // not a regular file: copied, as a pipe is
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "/dev/null");
    CHECK(std::string(e.what()) ==
          "cannot copy the piped trace into /nonexistent-tmpdir: No such file or directory");
  }
  if (before)
    ::setenv("TMPDIR", kept.c_str(), 1);
  else
    ::unsetenv("TMPDIR");
}

TEST_CASE("a copy that cannot be written whole (a full disk): the error names the stream") {
  // In a child, whose file size limit is 64 KiB (EFBIG past it, with SIGXFSZ ignored):
  // /dev/zero is a stream without end, copied as a pipe is.  The child sends back the
  // error's file and message.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(fds[0]);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit small{64 << 10, 64 << 10};
    std::string out = "no limit";
    if (::setrlimit(RLIMIT_FSIZE, &small) == 0) {
      try {
        replay::SpooledTrace t("/dev/zero");
        out = "no error";
      } catch (const InputError& e) {
        out = e.file() + ": " + e.what();
      }
    }
    (void)!::write(fds[1], out.data(), out.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string got;
  char buf[256];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
    got.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(got == std::string("/dev/zero: cannot copy the piped trace: ") + std::strerror(EFBIG));
}

TEST_CASE("a trace that is not there: the error names it") {
  try {
    replay::SpooledTrace t("/nonexistent/trace");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "/nonexistent/trace");
    CHECK(std::string(e.what()).find("No such file") != std::string::npos);
  }
}
