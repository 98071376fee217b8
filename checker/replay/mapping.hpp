#pragma once
// The mapping from kernel trace events to replay actions, as data (traces/mapping/*.json):
//
//   {
//     "name": "linux-6.1",
//     "kernels": "5.18 to 6.15: sched_process_exit after exit_mm, no group_dead",
//     "detect": {"event": "sched_process_exit", "field": "group_dead", "present": false},
//     "unobserved": ["gp_fixup"],     // model rules a trace may not show
//     "events": [
//       {"event": "task_newtask", "act": "task_new",
//        "args": {"child": "pid", "flags": "clone_flags:hex"}},
//       {"event": "sys_openat", "part": "exit", "act": "open_ret", "args": {"fd": "return"}},
//       {"event": "write_msr", "act": "msr_write", "where": {"#0": "d93"},
//        "args": {"value": "value:hex"}}
//     ]
//   }
//
// An argument names a field of the line (ftrace.hpp's `field`), with ":hex" when ftrace
// prints it in hex without "0x".  "where" keeps only lines whose fields have those values.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "event.hpp"
#include "ftrace.hpp"

namespace pasid::replay {

struct ArgSource {
  Arg arg;
  std::string field;
  bool hex = false;
};

struct EventRule {
  std::string event;
  CallPart part = CallPart::none;  ///< for `name(args)` / `name -> ret` lines: which one
  Act act;
  std::vector<ArgSource> args;
  std::vector<std::pair<std::string, std::string>> where;
};

struct Detect {
  std::string event;
  std::string field;
  bool present = true;
};

struct Mapping {
  std::string file;
  std::string name;
  std::string kernels;
  std::vector<Detect> detect;
  std::vector<int> unobserved;  ///< rule indices (model/rules.hpp)
  std::vector<EventRule> rules;
  /// The rules for an event name (nullptr: the mapping ignores the event).  One lookup per
  /// trace line: an open-addressed table.
  const std::vector<int>* find(std::string_view event) const {
    if (table.empty()) return nullptr;
    const Key key = key_of(event);
    for (std::size_t k = key.hash() & (table.size() - 1);; k = (k + 1) & (table.size() - 1)) {
      const Slot& slot = table[k];
      if (slot.rules.empty()) return nullptr;
      if (slot.key == key && (key.n <= 16 || slot.event == event)) return &slot.rules;
    }
  }
  /// Adds rule r for its event.
  void index(int r);

 private:
  /// The length and the first and last eight bytes: event names differ there, and a name
  /// of up to 16 bytes is all there.  (A short name is gathered in a register: a load of
  /// bytes just stored piecewise would stall.)
  struct Key {
    std::uint64_t head = 0, tail = 0;
    std::size_t n = 0;
    bool operator==(const Key&) const = default;
    std::size_t hash() const {
      std::uint64_t h = (head * 0x9e3779b97f4a7c15ull) ^ (tail * 0xc2b2ae3d27d4eb4full) ^ n;
      return static_cast<std::size_t>(h ^ (h >> 31));
    }
  };
  static Key key_of(std::string_view s) {
    Key key;
    key.n = s.size();
    if (key.n >= 8) {
      std::memcpy(&key.head, s.data(), 8);
      std::memcpy(&key.tail, s.data() + key.n - 8, 8);
    } else {
      for (std::size_t k = 0; k < key.n; ++k)
        key.head |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
    }
    return key;
  }

  struct Slot {
    std::string event;
    Key key;
    std::vector<int> rules;
  };
  std::vector<Slot> table;  ///< a power of two, at least twice the events
  void place(const std::string& event, int r);
};

/// Parses a mapping; throws InputError with the file, line and column.
Mapping parse_mapping(std::string_view text, const std::string& file);
Mapping read_mapping(const std::string& path);

/// Whether `line` meets every "detect" condition of `m` that it speaks about; `decided`
/// becomes true when the line's event is one of them.
bool detect_matches(const Mapping& m, const TraceLine& line, bool& decided);

/// Reads the line's arguments for rule r.  False when a "where" does not hold (the rule
/// does not apply); throws InputError when a field is missing or not a number.
bool apply_rule(const EventRule& r, const TraceLine& line, TraceEvent& out, const std::string& file,
                std::int64_t line_no);

}  // namespace pasid::replay
