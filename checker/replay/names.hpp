#pragma once
// What ties a model state to the kernel's names during a replay: which pid runs in each
// thread slot, which fd number and portal address each open file has, the kernel's mm
// pointers and PASID values, and what is half done (a bind waiting for its fd, an mmap
// waiting for its address).  Pids are bound when a task is created and released when it
// exits, so a long trace fits the model's slots as long as few tasks live at once.

#include <array>
#include <cstdint>

#include "model/model.hpp"

namespace pasid::replay {

inline constexpr int kZombies = 8;    ///< exited tasks whose last lines may still come
inline constexpr int kOwed = 8;       ///< recent model observations a kernel line may match
inline constexpr int kPending = 4;    ///< kernel lines waiting for a model step to explain them
inline constexpr int kOwedSteps = 8;  ///< how many steps a model observation stays matchable

/// A task the model has let go of (exit, de_thread, SIGSEGV) whose own exit line or
/// after-exit lines (6.16+: exit_mm after sched_process_exit) may still follow.
struct Zombie {
  std::int64_t pid = 0;
  std::int8_t mm = kNone;  ///< its mm slot when it went
  bool exit_seen = false;  ///< its exit line was read
  bool operator==(const Zombie&) const = default;
};

/// An observation of the model (an unbind, a PASID free) a kernel line may still name.
struct Owed {
  Seen kind{};
  std::int8_t pasid = 0;  ///< model PASID (pasid_free)
  std::int8_t age = -1;   ///< steps since it was made; -1: empty
  bool operator==(const Owed&) const = default;
};

/// A kernel line that no model step has explained yet: the next step of `task` must.
struct Pending {
  std::int64_t line = 0;  ///< 0: empty
  std::int64_t task = 0;  ///< pid
  Seen kind{};
  std::int64_t pasid = 0;  ///< kernel PASID value (pasid_free)
  std::int8_t mm = kNone;  ///< mm_drop: the mm slot that must be dead
  bool operator==(const Pending&) const = default;
};

struct Names {
  std::array<std::int64_t, kMaxThreads> pid{};  ///< 0: the slot is not bound
  std::array<std::int64_t, kMaxMms> mm{};       ///< kernel mm pointer, 0: not seen
  std::array<std::int64_t, kMaxDevices> dev{};  ///< kernel device id
  std::array<bool, kMaxDevices> dev_bound{};
  std::array<std::array<std::int32_t, kMaxFiles>, kMaxProcesses> fd;
  std::array<std::array<std::int64_t, kMaxFiles>, kMaxMms> portal{};  ///< address, 0: none
  std::array<std::int64_t, kMaxPasids + 1> pasid{};   ///< kernel value of model PASID p
  std::array<std::int8_t, kMaxThreads> pending_file;  ///< a bind waiting for its fd
  std::array<std::int8_t, kMaxThreads> pending_mmap;  ///< an mmap waiting for its address
  std::array<std::int8_t, kMaxThreads> child_msr;     ///< xstate of the next child: -1 unknown
  std::array<bool, kMaxThreads> pending_lam{};        ///< ARCH_ENABLE_TAGGED_ADDR waiting to return
  std::array<Zombie, kZombies> zombies{};
  int next_zombie = 0;
  std::array<Owed, kOwed> owed{};
  std::array<Pending, kPending> pending{};

  Names() {
    for (auto& row : fd) row.fill(-1);
    pending_file.fill(kNone);
    pending_mmap.fill(kNone);
    child_msr.fill(-1);
  }

  /// The thread slot of pid, or kNone.
  int thread_of(std::int64_t p) const {
    for (int t = 0; t < kMaxThreads; ++t)
      if (pid[t] == p && p != 0) return t;
    return kNone;
  }

  /// The zombie entry of pid, or nullptr.
  Zombie* zombie(std::int64_t p) {
    for (auto& z : zombies)
      if (z.pid == p && p != 0) return &z;
    return nullptr;
  }

  void add_zombie(std::int64_t p, int mm, bool exit_seen) {
    zombies[next_zombie] = {p, static_cast<std::int8_t>(mm), exit_seen};
    next_zombie = (next_zombie + 1) % kZombies;
  }

  bool operator==(const Names&) const = default;
};

}  // namespace pasid::replay
