// The ftrace line parser: the kernel's layout, trace-cmd report's, the syscall tracer's
// enter and exit lines, kprobes, header lines, and what is not a trace line.

#include "checker/replay/ftrace.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "checker/replay/run.hpp"
#include "checker/replay/source.hpp"

using namespace pasid::replay;

namespace {

LineKind parse(std::string_view text, TraceLine& l) {
  std::string why;
  int col = 0;
  return parse_line(text, l, why, col);
}

}  // namespace

TEST_CASE("ftrace: a tracepoint line as the kernel prints it") {
  TraceLine l;
  REQUIRE(parse("       fork_exec-142     [000] .....    16.205331: task_newtask: pid=143 "
                "comm=fork_exec clone_flags=1200000 oom_score_adj=0",
                l) == LineKind::record);
  CHECK(l.comm == "fork_exec");
  CHECK(l.pid == 142);
  CHECK(l.stamp == 16'205'331'000);
  CHECK(l.event == "task_newtask");
  CHECK(l.call == CallPart::none);
  CHECK(field(l, "pid") == "143");
  CHECK(field(l, "clone_flags") == "1200000");
  CHECK(field(l, "comm") == "fork_exec");
  CHECK(field(l, "missing").empty());
  CHECK(field(l, "#1") == "comm=fork_exec");
}

TEST_CASE("ftrace: syscall enter and exit lines, and a kprobe") {
  TraceLine l;
  REQUIRE(parse("            init-1       [001] ...1.    16.178081: sys_openat(dfd: ffffff9c, "
                "filename: c1f87a8, flags: 0, mode: 0)",
                l) == LineKind::record);
  CHECK(l.event == "sys_openat");
  CHECK(l.call == CallPart::enter);
  CHECK(field(l, "flags") == "0");
  CHECK(field(l, "return").empty());
  REQUIRE(parse("            init-1       [001] ...1.    16.178153: sys_openat -> 0x3", l) ==
          LineKind::record);
  CHECK(l.call == CallPart::exit);
  CHECK(field(l, "return") == "0x3");
  REQUIRE(parse("       fork_exec-142     [000] .....    16.181146: mmput: (mmput+0x0/0x30) "
                "mm=0xffff88ef82058480",
                l) == LineKind::record);
  CHECK(field(l, "mm") == "0xffff88ef82058480");
  REQUIRE(parse("  sh-1 [000] d.... 1.000060: write_msr: d93, value 80000001", l) ==
          LineKind::record);
  CHECK(field(l, "#0") == "d93");
  CHECK(field(l, "value") == "80000001");
}

TEST_CASE("ftrace: trace-cmd report's layout, a tgid column, odd comms") {
  TraceLine l;
  REQUIRE(parse("              wl-500   [000]   500.000130: sys_exit_openat:      0x3", l) ==
          LineKind::record);
  CHECK(l.event == "sys_exit_openat");
  CHECK(field(l, "return") == "0x3");
  REQUIRE(parse("            bash-1977  ( 1977) [001] d..2.  1015.104283: sched_process_exit: "
                "comm=bash pid=1977 prio=120 group_dead=true",
                l) == LineKind::record);
  CHECK(l.pid == 1977);
  CHECK(field(l, "group_dead") == "true");
  REQUIRE(parse("  kworker/0:1 H-12   [000] ..s1.  6449.664627: sched_process_free: comm=true "
                "pid=13339 prio=120",
                l) == LineKind::record);
  CHECK(l.comm == "kworker/0:1 H");
  CHECK(l.pid == 12);
  REQUIRE(parse("          <idle>-0     [000] ..s1.  6449.664627: sched_process_free: comm=a pid=1 "
                "prio=120",
                l) == LineKind::record);
  CHECK(l.comm == "<idle>");
  CHECK(l.pid == 0);
}

TEST_CASE("ftrace: headers, lost events, and lines that are not trace lines") {
  TraceLine l;
  CHECK(parse("# tracer: nop", l) == LineKind::comment);
  CHECK(parse("", l) == LineKind::comment);
  CHECK(parse("cpus=2", l) == LineKind::comment);
  CHECK(parse("CPU 0 is empty", l) == LineKind::comment);
  CHECK(parse("CPU:1 [LOST 58 EVENTS]", l) == LineKind::lost);
  std::string why;
  int col = 0;
  CHECK(parse_line("hello world", l, why, col) == LineKind::bad);
  CHECK(why.find("comm-pid") != std::string::npos);
  CHECK(parse_line("  sh-1 [000] ..... 16.2x: task_newtask: pid=2", l, why, col) == LineKind::bad);
  CHECK(why.find("timestamp") != std::string::npos);
  CHECK(parse_line("  sh-1 [000] ..... 16.2: ", l, why, col) == LineKind::bad);
  CHECK(parse_line(std::string_view("\x7f"
                                    "ELF\0\x01 [0] x",
                                    12),
                   l, why, col) == LineKind::bad);
  CHECK(why.find("binary") != std::string::npos);
}

TEST_CASE("ftrace: the latency format, and a trace without task and time") {
  TraceLine l;
  // kernel/trace/trace_output.c: "%8.8s-%-7d %3d", the flags, " %4lldus%c: ".
  REQUIRE(parse("      wl-1000      0d..1. 1015us : task_newtask: pid=1001 comm=wl "
                "clone_flags=3d0f00 oom_score_adj=0",
                l) == LineKind::record);
  CHECK(l.comm == "wl");
  CHECK(l.pid == 1000);
  CHECK((l.in_ns && l.stamp == 1'015'000));
  CHECK(l.event == "task_newtask");
  CHECK(field(l, "pid") == "1001");
  REQUIRE(parse("  <idle>-0        1..s1. 16205331us+: sys_openat -> 0x3", l) == LineKind::record);
  CHECK(l.pid == 0);
  CHECK(l.stamp == 16'205'331'000);
  CHECK(l.call == CallPart::exit);
  CHECK(field(l, "return") == "0x3");
  // An older kernel's four flags; a clock that is not in nanoseconds prints its count.
  REQUIRE(parse("    bash-1977      1d..1  41735: mmput: (mmput+0x0/0x30) mm=0xffff", l) ==
          LineKind::record);
  CHECK(l.pid == 1977);
  CHECK((!l.in_ns && l.stamp == 41735));
  std::string why;
  int col = 0;
  CHECK(parse_line("      wl-1000      0d..1. 1015xs : task_newtask: pid=1", l, why, col) ==
        LineKind::bad);
  CHECK(why.find("comm-pid") != std::string::npos);
  CHECK(parse_line("task_newtask: pid=143 comm=fork_exec clone_flags=1200000", l, why, col) ==
        LineKind::bad);
  CHECK(why.find("options/context-info off") != std::string::npos);
}

TEST_CASE("ftrace: a real trace printed in the latency format gives the same actions") {
  const std::string from = PASIDCHECK_SOURCE_DIR "/traces/kernel-6.1/threads.trace";
  std::ifstream in(from);
  std::ostringstream latency;
  std::int64_t start = -1;
  int records = 0;
  for (std::string line; std::getline(in, line);) {
    TraceLine l;
    if (parse(line, l) != LineKind::record) {
      latency << line << "\n";
      continue;
    }
    if (start < 0) start = l.stamp;
    char head[64];
    std::snprintf(head, sizeof head, "%8.8s-%-7lld %3d%s %4lldus%c: ", std::string(l.comm).c_str(),
                  static_cast<long long>(l.pid), records % 3, records % 2 ? "d..1." : ".....",
                  static_cast<long long>((l.stamp - start) / 1000), records % 4 ? ' ' : '+');
    latency << head << line.substr(static_cast<std::size_t>(l.event.data() - line.data())) << "\n";
    ++records;
  }
  REQUIRE(records > 50);
  auto to = std::filesystem::temp_directory_path() / "pasidcheck-latency.trace";
  std::ofstream(to) << latency.str();
  const Mapping& m = builtin_mappings().front();
  auto actions = [&](const std::string& path) {
    std::vector<std::string> out;
    SourceStats st = read_trace(path, m, [&](const TraceEvent& e) {
      out.push_back(std::to_string(e.line) + " " + describe(e) + " by " + std::to_string(e.task));
      return true;
    });
    CHECK(st.records == records);
    return out;
  };
  std::vector<std::string> want = actions(from);
  CHECK(want.size() > 20);
  CHECK(actions(to.string()) == want);
}

TEST_CASE("ftrace: numbers as ftrace prints them") {
  std::int64_t v = 0;
  CHECK((parse_number("0x3", false, v) && v == 3));
  CHECK((parse_number("1200000", true, v) && v == 0x1200000));
  CHECK((parse_number("143", false, v) && v == 143));
  CHECK((parse_number("-2", false, v) && v == -2));
  CHECK((parse_number("0xfffffffffffffffe", false, v) && v == -2));  // an error return
  CHECK((parse_number("123456789012345678", false, v) && v == 123456789012345678));  // 18 digits
  CHECK_FALSE(parse_number("1234567890123456789", false, v));  // 19 may overflow
  CHECK_FALSE(parse_number("0x10000000000000000", false, v));  // 17 hex digits
  CHECK_FALSE(parse_number("", false, v));
  CHECK_FALSE(parse_number("12a", false, v));
  CHECK_FALSE(parse_number("0x", false, v));
  CHECK_FALSE(parse_number("0x10000000000000000", false, v));
}

TEST_CASE("ftrace: the kernel's fixed columns read the same as the general parser reads them") {
  for (std::string_view text :
       {"       fork_exec-142     [000] .....    16.205331: task_newtask: pid=143 comm=x "
        "clone_flags=1200000 oom_score_adj=0",
        "            init-1       [001] ...1.    16.178153: sys_openat -> 0x3",
        "            init-1       [001] ...1.    16.178081: sys_openat(dfd: ffffff9c, flags: 0)",
        "   kworker/0:1 H-4194304 [001] d..2. 99999.999999: __mmdrop: (__mmdrop+0x0/0x130) "
        "mm=0x1",
        "            init-1       [001] ...1.     0.000042: sys_close(fd: 3)",
        "            init-1       [001] ...1.   907.123456: sys_close(fd: 3)"}) {
    TraceLine fixed, general;
    REQUIRE(parse(text, fixed) == LineKind::record);
    std::string shifted = " " + std::string(text);  // off the fixed columns
    REQUIRE(parse(shifted, general) == LineKind::record);
    CHECK(fixed.comm == general.comm);
    CHECK(fixed.pid == general.pid);
    CHECK(fixed.stamp == general.stamp);
    CHECK(fixed.event == general.event);
    CHECK(fixed.body == general.body);
    CHECK(fixed.call == general.call);
    CHECK(fixed.body_col + 1 == general.body_col);
  }
  TraceLine l;
  CHECK(parse("            init-1       [001] ...1.   907.123456: sys_close(fd: 3)", l) ==
        LineKind::record);
  CHECK(l.stamp == 907'123'456'000);
  for (std::string_view text :
       {"            init-1       [001] ...1.   907.12x456: sys_close(fd: 3)",
        "            init-1       [001] ...1.   9 7.123456: sys_close(fd: 3)"})
    CHECK(parse(text, l) == LineKind::bad);
}

TEST_CASE("ftrace: a clock that does not count nanoseconds prints its count") {
  // trace_clock x86-tsc, counter or uptime: " %12llu" where the default prints " %5lu.%06lu".
  TraceLine l;
  REQUIRE(parse("             sva-200     [000] ...1. 580000290000: sys_openat -> 0x3", l) ==
          LineKind::record);
  CHECK_FALSE(l.in_ns);
  CHECK(l.stamp == 580'000'290'000);
  CHECK(l.pid == 200);
  CHECK(l.event == "sys_openat");
  REQUIRE(parse("  sh-1 [001] 17: sched_process_exit: comm=sh pid=1 prio=120", l) ==
          LineKind::record);  // trace-cmd report's layout, the counter clock
  CHECK_FALSE(l.in_ns);
  CHECK(l.stamp == 17);
  REQUIRE(parse("  sh-1 [001] 1.000017: sched_process_exit: comm=sh pid=1 prio=120", l) ==
          LineKind::record);
  CHECK(l.in_ns);
  CHECK(l.stamp == 1'000'017'000);
  for (std::string_view text : {"  sh-1 [001] 1x7: sched_process_exit: pid=1",
                                "  sh-1 [001] 1234567890123456789: sched_process_exit: pid=1"})
    CHECK(parse(text, l) == LineKind::bad);
}

TEST_CASE("ftrace: any pid column reads the same in the fixed columns as off them") {
  std::mt19937 rng(11);
  const std::string alphabet = "0123456789     x-";
  for (int round = 0; round < 3000; ++round) {
    std::string pid(8, ' ');
    for (char& c : pid) c = alphabet[rng() % alphabet.size()];
    std::string text = "            init-" + pid + "[001] ...1.   907.123456: sys_close(fd: 3)";
    TraceLine fixed, general;
    LineKind kind = parse(text, fixed);
    CHECK(kind == parse(" " + text, general));
    if (kind == LineKind::record) CHECK(fixed.pid == general.pid);
  }
}
