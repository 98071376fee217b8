// The parallel reader gives the sink what read_trace gives it, in the same order, with the
// same statistics and the same first error, whatever the part size and the threads: parts
// down to a line or two put every check that spans lines (timestamps, line numbers, the
// cut-off last line) across the parts' boundaries.

#include "checker/replay/parallel.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checker/error.hpp"
#include "checker/replay/run.hpp"

using namespace pasid;
using namespace pasid::replay;

namespace {

/// What a reading gave: every action, the statistics, and the error it ended with.
struct Outcome {
  std::vector<std::string> events;
  SourceStats st;
  std::string error;
};

std::string text_of(const TraceEvent& e) {
  std::ostringstream s;
  s << e.line << ' ' << e.task << ' ' << static_cast<int>(e.act) << ' ' << e.has << ' ' << e.what;
  for (int k = 0; k < kArgs; ++k)
    if (e.has & (1u << k)) s << ' ' << e.arg[static_cast<unsigned>(k)];
  return s.str();
}

/// The sink of both readings: records the actions, checks that no two threads are inside
/// it at once, and stops after `stop_after` actions (0: never).
Outcome read(const std::string& path, bool parallel, ParallelOptions o, std::size_t stop_after) {
  const Mapping& m = builtin_mappings().front();
  Outcome out;
  std::atomic<bool> inside{false};
  Sink sink = [&](const TraceEvent& e) {
    REQUIRE_FALSE(inside.exchange(true));
    out.events.push_back(text_of(e));
    inside = false;
    return stop_after == 0 || out.events.size() < stop_after;
  };
  try {
    out.st = parallel ? read_trace_parallel(path, m, sink, o) : read_trace(path, m, sink);
  } catch (const InputError& e) {
    out.error = e.formatted();
  }
  return out;
}

/// Compares a parallel reading with read_trace's.  A stopped reading's counts of records
/// are only up to its part, so they are compared only when the reading went to the end.
void same_as_sequential(const std::string& path, std::size_t stop_after = 0,
                        std::vector<std::size_t> parts = {7, 97, 4096}) {
  Outcome want = read(path, false, {}, stop_after);
  for (std::size_t part : parts)
    for (unsigned threads : {1u, 2u, 3u}) {
      CAPTURE(part);
      CAPTURE(threads);
      Outcome got = read(path, true, {threads, part}, stop_after);
      CHECK(got.error == want.error);
      REQUIRE(got.events == want.events);
      CHECK(got.st.lines == want.st.lines);
      if (stop_after != 0 && want.events.size() == stop_after) continue;
      if (!want.error.empty()) continue;  // statistics are not returned with an error
      CHECK(got.st.format == want.st.format);
      CHECK(got.st.records == want.st.records);
      CHECK(got.st.unmapped == want.st.unmapped);
      CHECK(got.st.first_unmapped == want.st.first_unmapped);
      CHECK(got.st.first_unmapped_line == want.st.first_unmapped_line);
    }
}

std::vector<std::string> lines_of(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::vector<std::string> v;
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

std::filesystem::path write(const std::vector<std::string>& lines, bool last_newline = true) {
  auto path = std::filesystem::temp_directory_path() / "pasidcheck-parallel-test.trace";
  std::ofstream out(path, std::ios::binary);
  for (std::size_t k = 0; k < lines.size(); ++k)
    out << lines[k] << (k + 1 < lines.size() || last_newline ? "\n" : "");
  return path;
}

const std::filesystem::path kThreads =
    std::filesystem::path(PASIDCHECK_SOURCE_DIR) / "traces/kernel-6.1/threads.trace";

}  // namespace

TEST_CASE("parallel reading: every trace of the corpus, as read_trace reads it") {
  int traces = 0;
  auto root = std::filesystem::path(PASIDCHECK_SOURCE_DIR) / "traces";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    auto ext = entry.path().extension();
    if (ext != ".trace" && ext != ".jsonl") continue;
    CAPTURE(entry.path().string());
    same_as_sequential(entry.path().string());
    ++traces;
  }
  CHECK(traces >= 20);
}

TEST_CASE("parallel reading: a sink that stops, at any action") {
  Outcome all = read(kThreads.string(), false, {}, 0);
  REQUIRE(all.events.size() > 10);
  for (std::size_t n = 1; n <= all.events.size(); n += 3) {
    CAPTURE(n);
    same_as_sequential(kThreads.string(), n);
  }
}

TEST_CASE("parallel reading: the first error, at any line") {
  const std::vector<std::string> good = lines_of(kThreads);
  REQUIRE(good.size() > 30);
  // A record line's timestamp starts at column 38 ("   16.180285:"): 0.000001 is before
  // every timestamp of the trace.
  auto back_in_time = [](std::string l) { return l.replace(37, 12, "    0.000001"); };
  for (std::size_t at = 12; at < good.size(); at += 2) {
    CAPTURE(at);
    std::vector<std::string> v = good;
    v[at] = "this is not a trace line";
    same_as_sequential(write(v).string());
    v = good;
    v[at] = back_in_time(v[at]);
    same_as_sequential(write(v).string());
    v = good;
    v[at] = std::string("\x7f\x45\x4c\x46\x02\x01\x01", 7) + v[at];
    same_as_sequential(write(v).string());
    v.assign(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(at) + 1);
    v.back().resize(v.back().size() / 2);
    same_as_sequential(write(v, false).string());  // cut off inside its last line
  }
}

TEST_CASE("parallel reading: a line longer than 4 MiB, and a file that is not there") {
  std::vector<std::string> v = lines_of(kThreads);
  v.insert(v.begin() + 20, std::string((4 << 20) + 10, 'x'));
  same_as_sequential(write(v).string(), 0, {4096, 1 << 16});
  same_as_sequential("/nonexistent/pasidcheck.trace");
}
