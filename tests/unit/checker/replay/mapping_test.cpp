// Mappings: the built-in ones parse and name what the replay needs; detection picks the
// kernel range from sched_process_exit; a rule reads its arguments or says what is missing.

#include "checker/replay/mapping.hpp"

#include <doctest/doctest.h>

#include "checker/error.hpp"
#include "checker/replay/run.hpp"

using namespace pasid::replay;

namespace {

const Mapping& builtin(std::string_view name) {
  for (const auto& m : builtin_mappings())
    if (m.name == name) return m;
  FAIL("no built-in mapping " << name);
  throw 0;
}

TraceLine line(std::string_view text) {
  TraceLine l;
  std::string why;
  int col = 0;
  REQUIRE(parse_line(text, l, why, col) == LineKind::record);
  return l;
}

}  // namespace

TEST_CASE("mapping: the built-in mappings, one per kernel range, detected") {
  const Mapping& old = builtin("linux-5.18");
  const Mapping& now = builtin("linux-6.16");
  for (const char* e : {"task_newtask", "sched_process_exec", "sched_process_exit",
                        "iommu_sva_bind_device", "ioasid_free", "iommu_free_global_pasid",
                        "write_msr", "x86_fpu_copy_dst", "__mmdrop", "sys_openat"}) {
    CHECK(old.find(e) != nullptr);
    CHECK(now.find(e) != nullptr);
  }
  CHECK(old.find("sched_switch") == nullptr);
  bool decided = false;
  TraceLine exit_616 = line(
      "  wl-1 [000] ..... 1.0: sched_process_exit: comm=wl pid=1 prio=120 "
      "group_dead=true");
  CHECK_FALSE(detect_matches(old, exit_616, decided));
  CHECK(decided);
  CHECK(detect_matches(now, exit_616, decided));
  TraceLine exit_61 = line("  wl-1 [000] ..... 1.0: sched_process_exit: comm=wl pid=1 prio=120");
  CHECK(detect_matches(old, exit_61, decided));
  CHECK_FALSE(detect_matches(now, exit_61, decided));
  decided = false;
  CHECK(detect_matches(now, line("  wl-1 [000] ..... 1.0: mmput: mm=0x1"), decided));
  CHECK_FALSE(decided);
}

TEST_CASE("mapping: a rule reads its arguments, honours where and part") {
  const Mapping& m = builtin("linux-5.18");
  TraceEvent e;
  auto apply = [&](std::string_view text) {
    TraceLine l = line(text);
    for (int r : *m.find(l.event))
      if (apply_rule(m.rules[static_cast<std::size_t>(r)], l, e, "t", 1)) return true;
    return false;
  };
  REQUIRE(
      apply("  sh-1 [000] ..... 1.0: task_newtask: pid=143 comm=sh clone_flags=3d0f00 "
            "oom_score_adj=0"));
  CHECK(e.act == Act::task_new);
  CHECK(e[Arg::child] == 143);
  CHECK(e[Arg::flags] == 0x3d0f00);
  CHECK(e.task == 1);
  REQUIRE(
      apply("  sh-1 [000] ...1. 1.0: sys_mmap(addr: 0, len: 1000, prot: 3, flags: 1, fd: a, "
            "off: 0)"));
  CHECK(e.act == Act::mmap);
  CHECK(e[Arg::fd] == 10);
  REQUIRE(apply("  sh-1 [000] ...1. 1.0: sys_mmap -> 0x7f0000001000"));
  CHECK(e.act == Act::mmap_ret);
  CHECK(e[Arg::addr] == 0x7f0000001000);
  CHECK_FALSE(apply("  sh-1 [000] d.... 1.0: write_msr: 1b, value 1"));  // not IA32_PASID
  REQUIRE(apply("  sh-1 [000] d.... 1.0: write_msr: d93, value 80000005"));
  CHECK(e[Arg::value] == 0x80000005);
  CHECK_FALSE(apply("  sh-1 [000] ..... 1.0: tracing_mark_write: workload begin"));
  CHECK_THROWS_AS(apply("  sh-1 [000] ..... 1.0: task_newtask: pid=x comm=sh clone_flags=1"),
                  pasid::InputError);
}

TEST_CASE("mapping: errors name the place") {
  auto error = [](std::string_view text) {
    try {
      parse_mapping(text, "m.json");
    } catch (const pasid::InputError& e) {
      return std::to_string(e.line()) + ":" + std::to_string(e.col()) + " " + e.what();
    }
    return std::string("no error");
  };
  CHECK(error(R"({"events": [{"event": "x", "act": "jump"}]})") == "1:35 unknown act \"jump\"");
  CHECK(error(R"({"events": [{"event": "x", "act": "close"}]})") ==
        "1:13 act \"close\" needs the argument(s) \"fd\"");
  CHECK(error(R"({"events": [{"event": "x", "act": "exit", "args": {"tid": "pid"}}]})") ==
        "1:52 unknown argument \"tid\"");
  CHECK(error(R"({"unobserved": ["teleport"], "events": []})") ==
        "1:17 unknown model rule \"teleport\"");
  CHECK(error(R"({"events": [], "colour": 1})") ==
        "1:16 unknown field \"colour\" in the mapping (expected one of: name, kernels, "
        "description, detect, unobserved, events)");
  CHECK(error(R"({"name": "x"})") == "1:1 the mapping has no \"events\"");
  CHECK(error(R"({"events": [{"event": "x", "act": "exit", "part": "middle"}]})") ==
        "1:51 \"part\" must be \"enter\" or \"exit\"");
}

TEST_CASE("mapping: an event is found by its whole name, whatever its length") {
  // Names that share their length, first and last eight bytes (what the table hashes).
  const std::vector<std::string> names = {"a",
                                          "abcdefg",
                                          "abcdefgh",
                                          "abcdefgh_1",
                                          "sched_a_process",
                                          "sched_b_process",
                                          "iommu_sva_x_bind_device",
                                          "iommu_sva_y_bind_device"};
  Mapping m;
  for (const auto& name : names) {
    m.rules.push_back(EventRule{name, CallPart::none, Act::exit, {}, {}});
    m.index(static_cast<int>(m.rules.size()) - 1);
  }
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::vector<int>* rules = m.find(names[k]);
    REQUIRE(rules != nullptr);
    CHECK(*rules == std::vector<int>{static_cast<int>(k)});
  }
  for (std::string_view other : {"", "b", "abcdefh", "abcdefgh_2", "sched_c_process",
                                 "iommu_sva_z_bind_device", "iommu_sva_x_bind_devic"})
    CHECK(m.find(other) == nullptr);
}
