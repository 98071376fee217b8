// A trace read through a pipe is copied once and then read like a file
// (checker/replay/spool.hpp); a regular file is read where it is.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
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

TEST_CASE("a trace that is not there: the error names it") {
  try {
    replay::SpooledTrace t("/nonexistent/trace");
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.file() == "/nonexistent/trace");
    CHECK(std::string(e.what()).find("No such file") != std::string::npos);
  }
}
