#pragma once
// The verdicts of the invariants that read only the state (not the step), for the states
// a replay met last.  A long trace passes through the same few model states again and
// again (a workload's loop, slots reused as tasks come and go), and evaluating every
// invariant over every slot of the replay's bounds is most of the cost of a step.
// Direct-mapped; a hit compares the whole state, so the memo never answers for another.

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "model/model.hpp"

namespace pasid::replay {

class StateMemo {
 public:
  /// The bits compute() gives for s: computed on a miss, remembered for the next time.
  template <class F>
  std::uint64_t verdict(const State<Concrete>& s, F&& compute) {
    Entry& e = table_[hash(s) & (kEntries - 1)];
    if (e.used && std::memcmp(&e.s, &s, sizeof s) == 0) {
      ++hits_;
      return e.broken;
    }
    e.s = s;
    e.broken = compute();
    e.used = true;
    return e.broken;
  }
  std::int64_t hits() const { return hits_; }

 private:
  // Equal states are equal bytes (no padding), so bytes may be hashed and compared.
  static_assert(std::has_unique_object_representations_v<State<Concrete>>);
  static constexpr std::size_t kEntries = 512;  ///< about 200 KiB

  /// Four independent lanes of multiply-xor, so that the multiplies overlap.
  static std::uint64_t hash(const State<Concrete>& s) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(&s);
    auto word = [&](std::size_t at) {
      std::uint64_t w = 0;
      std::memcpy(&w, bytes + at, std::min<std::size_t>(8, sizeof s - at));
      return w;
    };
    constexpr std::uint64_t kMul = 0xff51afd7ed558ccdull;
    std::uint64_t a = 0x9e3779b97f4a7c15ull, b = 0xc2b2ae3d27d4eb4full;
    std::uint64_t c = 0x165667b19e3779f9ull, d = 0x27d4eb2f165667c5ull;
    std::size_t at = 0;
    for (; at + 32 <= sizeof s; at += 32) {
      a = (a ^ word(at)) * kMul;
      b = (b ^ word(at + 8)) * kMul;
      c = (c ^ word(at + 16)) * kMul;
      d = (d ^ word(at + 24)) * kMul;
    }
    for (; at < sizeof s; at += 8) a = (a ^ word(at)) * kMul;
    std::uint64_t h = (a ^ std::rotl(b, 16) ^ std::rotl(c, 32) ^ std::rotl(d, 48)) * kMul;
    return h ^ (h >> 31);
  }

  struct Entry {
    State<Concrete> s;
    std::uint64_t broken = 0;
    bool used = false;
  };
  std::vector<Entry> table_ = std::vector<Entry>(kEntries);
  std::int64_t hits_ = 0;
};

}  // namespace pasid::replay
