#pragma once
// One line of an ftrace text trace, as the kernel prints it in /sys/kernel/tracing/trace
// and as `trace-cmd report` prints it:
//
//          fork_exec-142     [000] .....    16.205331: task_newtask: pid=143 comm=fork_exec ...
//          fork_exec-142     [000] ...1.    16.180285: sys_execve(filename: 5ac272, argv: ...)
//          fork_exec-142     [000] ...1.    16.184475: sys_openat -> 0x3
//               bash-1977  ( 1977) [001] d..2.  1015.104283: ...          (option record-tgid)
//               bash-1977  [001]  1015.104283: sys_exit_openat:      0x3   (trace-cmd report)
//
// The parts are comm-pid, an optional (tgid), [cpu], optional latency flags, the timestamp
// in seconds, and the event name with its fields.  A trace clock that does not count
// nanoseconds (counter, uptime, x86-tsc) prints its count instead ("%12llu"), no '.':
//
//          fork_exec-142     [000] .....  41735601272: task_newtask: pid=143 ...  The kernel's
//          syscall tracer prints
// `name(args)` on entry and `name -> ret` on exit; the event name is then `name`.

#include <cstdint>
#include <string>
#include <string_view>

namespace pasid::replay {

enum class LineKind {
  record,   ///< an event
  comment,  ///< a header line ("# tracer: nop", "cpus=2", "CPU 0 is empty", a blank line)
  lost,     ///< "CPU:1 [LOST 58 EVENTS]": the ring buffer overflowed
  bad,      ///< not a line of an ftrace trace; `why` says what is wrong
};

enum class CallPart : std::uint8_t { none, enter, exit };

struct TraceLine {
  std::string_view comm;
  std::int64_t pid = 0;
  std::int64_t stamp = 0;  ///< the timestamp: nanoseconds, or the clock's count (!in_ns)
  bool in_ns = true;       ///< false: a clock that is not in nanoseconds
  std::string_view event;
  std::string_view body;  ///< the fields after "event: " (or inside the call's parentheses)
  CallPart call = CallPart::none;  ///< the kernel syscall tracer's `name(args)` / `name -> ret`
  int body_col = 0;                ///< 1-based column of the body in the line
};

/// Splits `line` (without its newline).  On `bad`, `why` holds the reason and `col` where.
LineKind parse_line(std::string_view line, TraceLine& out, std::string& why, int& col);

/// The value of field `key` in an event body: `key=value`, `key: value`, or `key value`
/// (`msr:write_msr` prints "d93, value 80000002").  `#N` names the Nth token (from 0) and
/// `return` the value a syscall exit line reports.  Empty when absent.
std::string_view field(const TraceLine& line, std::string_view key);

/// Parses a number as ftrace prints them: "0x" hex, or decimal, or hex when `hex`
/// (syscall arguments are hex without the prefix).  A leading '-' negates.
bool parse_number(std::string_view text, bool hex, std::int64_t& out);

}  // namespace pasid::replay
