#pragma once
// What the replay understands of a trace line: a kernel action with its arguments, read
// from the line by the mapping (mapping.hpp) or written directly in a JSON-lines trace.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pasid::replay {

/// The kernel actions the replay knows.  Several lines may make one model step (a bind,
/// then the open's return value), and some only name what the kernel did inside a step
/// (an unbind, a PASID free), which a model step must then explain.
enum class Act : std::uint8_t {
  task_new,        ///< copy_process: `child` created with `flags` (thread, vm or fork)
  exec,            ///< exec done: `old_pid` execs and takes `pid` (differs after de_thread)
  exit,            ///< `pid` (default: the line's task) runs do_exit
  bind,            ///< iommu_sva_bind_device of device `dev` for the task's mm
  open_ret,        ///< the task's open returned `fd`
  mmap,            ///< the task maps `fd`
  mmap_ret,        ///< ... at `addr`
  munmap,          ///< the task unmaps `addr`
  close,           ///< the task closes `fd`
  unbind,          ///< the driver unbinds a device
  pasid,           ///< the kernel reports `pasid` as the task's mm's PASID
  pasid_free,      ///< `pasid` leaves the allocator
  msr_write,       ///< IA32_PASID of the task written with `value` (the #GP fixup)
  sigsegv,         ///< SIGSEGV for `pid` (default: the line's task)
  enqcmd,          ///< the task submitted through a portal (a user-space marker)
  mm_release,      ///< the task lets go of mm `mm` (exit or exec)
  mm_drop,         ///< mm `mm` is freed (__mmdrop)
  child_fpu,       ///< the xstate copied for the task being created has `xfeatures`
  arch_prctl,      ///< the task calls arch_prctl with option `value` (0x4002: LAM on)
  arch_prctl_ret,  ///< ... which returned `value` (0: done; an error changes nothing)
};
inline constexpr int kActs = 20;

const char* act_name(Act a);
/// The act called `name`; false when there is none.
bool act_from_name(std::string_view name, Act& a);

enum class Arg : std::uint8_t {
  pid,
  child,
  old_pid,
  flags,
  fd,
  addr,
  dev,
  pasid,
  value,
  mm,
  xfeatures
};
inline constexpr int kArgs = 11;

const char* arg_name(Arg a);
bool arg_from_name(std::string_view name, Arg& a);

/// The arguments an act needs before the replay can use it.
std::uint16_t required_args(Act a);
/// "\"child\", \"flags\"": the names of the arguments in `bits`, for messages.
std::string arg_list(std::uint16_t bits);

inline constexpr std::uint16_t bit(Arg a) {
  return std::uint16_t(1u << static_cast<int>(a));
}

struct TraceEvent {
  std::int64_t line = 0;
  std::int64_t task = 0;  ///< the pid in whose context the line was printed
  Act act = Act::exit;
  std::uint16_t has = 0;  ///< bit(Arg) for each argument given
  std::array<std::int64_t, kArgs> arg{};
  std::string_view what;  ///< the line's event name, for messages (static or the mapping's)

  bool given(Arg a) const { return (has & bit(a)) != 0; }
  std::int64_t operator[](Arg a) const { return arg[static_cast<int>(a)]; }
  void set(Arg a, std::int64_t v) {
    arg[static_cast<int>(a)] = v;
    has |= bit(a);
  }
};

/// "task_new(child 143, flags 0x1200000)" for messages.
std::string describe(const TraceEvent& e);

}  // namespace pasid::replay
