#include "event.hpp"

#include <cstdio>

namespace pasid::replay {

namespace {

constexpr std::array<const char*, kActs> kActNames = {
    "task_new", "exec",       "exit",    "bind",      "open_ret",   "mmap",          "mmap_ret",
    "munmap",   "close",      "unbind",  "pasid",     "pasid_free", "msr_write",     "sigsegv",
    "enqcmd",   "mm_release", "mm_drop", "child_fpu", "arch_prctl", "arch_prctl_ret"};

constexpr std::array<const char*, kArgs> kArgNames = {
    "pid", "child", "old_pid", "flags", "fd", "addr", "dev", "pasid", "value", "mm", "xfeatures"};

template <std::size_t N, class E>
bool from_name(const std::array<const char*, N>& names, std::string_view name, E& out) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) {
      out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

/// Values that read better in hex: pointers, flags, MSR values.
bool hex(Arg a) {
  return a == Arg::flags || a == Arg::addr || a == Arg::mm || a == Arg::value ||
         a == Arg::xfeatures || a == Arg::dev || a == Arg::pasid;
}

}  // namespace

const char* act_name(Act a) {
  return kActNames[static_cast<int>(a)];
}
bool act_from_name(std::string_view name, Act& a) {
  return from_name(kActNames, name, a);
}
const char* arg_name(Arg a) {
  return kArgNames[static_cast<int>(a)];
}
bool arg_from_name(std::string_view name, Arg& a) {
  return from_name(kArgNames, name, a);
}

std::uint16_t required_args(Act a) {
  switch (a) {
    case Act::task_new:
      return bit(Arg::child) | bit(Arg::flags);
    case Act::open_ret:
    case Act::mmap:
    case Act::close:
      return bit(Arg::fd);
    case Act::mmap_ret:
    case Act::munmap:
      return bit(Arg::addr);
    case Act::pasid:
    case Act::pasid_free:
      return bit(Arg::pasid);
    case Act::msr_write:
    case Act::arch_prctl:
    case Act::arch_prctl_ret:
      return bit(Arg::value);
    case Act::mm_release:
    case Act::mm_drop:
      return bit(Arg::mm);
    case Act::child_fpu:
      return bit(Arg::xfeatures);
    default:
      return 0;
  }
}

std::string arg_list(std::uint16_t bits) {
  std::string s;
  for (int i = 0; i < kArgs; ++i)
    if (bits & bit(static_cast<Arg>(i)))
      s += (s.empty() ? "\"" : ", \"") + std::string(kArgNames[i]) + "\"";
  return s;
}

std::string describe(const TraceEvent& e) {
  std::string s = e.what.empty() ? act_name(e.act) : std::string(e.what);
  std::string args;
  for (int i = 0; i < kArgs; ++i) {
    auto a = static_cast<Arg>(i);
    if (!e.given(a)) continue;
    char v[40];
    std::snprintf(v, sizeof v, hex(a) ? "%s 0x%llx" : "%s %lld", arg_name(a),
                  static_cast<long long>(e[a]));
    args += (args.empty() ? "" : ", ") + std::string(v);
  }
  return s + " (" + (args.empty() ? "" : args + ", ") + "pid " + std::to_string(e.task) + ")";
}

}  // namespace pasid::replay
