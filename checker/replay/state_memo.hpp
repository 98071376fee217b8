#pragma once
// The verdicts of the invariants that read only the state (not the step), for the states
// a replay met last.  A long trace passes through the same few model states again and
// again (a workload's loop, slots reused as tasks come and go), and evaluating every
// invariant over every slot of the replay's bounds is most of the cost of a step.
// Direct-mapped; a hit compares the whole state, so the memo never answers for another.

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "checker/explicit/state_table.hpp"
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

  static std::uint64_t hash(const State<Concrete>& s) {
    return hash_packed(reinterpret_cast<const std::uint8_t*>(&s), sizeof s, 0x2545f4914f6cdd1dull);
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
