#pragma once
// Stored states expanded two ahead of the one whose steps are being added, for the
// sequential search and for each worker: a large table misses the cache on nearly every
// lookup, twice (its slot, then the state the slot names), and computing the next states'
// steps in the meantime hides most of the wait.

#include <array>
#include <cstdint>
#include <exception>
#include <vector>

#include "expansion.hpp"
#include "successor.hpp"

namespace pasid {

/// The steps out of one stored state: each successor, its log, its packed representative
/// and that representative's table key (Visited::key_of).
struct Batch {
  std::uint32_t index = ~0u;  ///< the stored state expanded
  bool prefetched = false;    ///< the states its keys' slots name are hinted
  State<Concrete> from{};
  std::size_t size = 0;
  std::vector<std::size_t> instance;  ///< positions in the instance list
  std::vector<State<Concrete>> next;
  std::vector<Log<Concrete>> log;
  std::vector<std::uint8_t> rep;
  std::vector<std::uint64_t> key;
  std::exception_ptr error;  ///< what step number `size` threw (a model bug); none after it
};

/// Counts step n of batch b into `out`: a transition, its rule, its observations and step
/// premises.  Whether it breaks a step invariant.  Inline: every search runs it per step.
inline bool count_step(const ExpansionContext& c, const Batch& b, std::size_t n, StepCounts& out) {
  ++out.transitions;
  ++out.rule_fired[static_cast<std::size_t>(c.instances[b.instance[n]].rule)];
  count_observations(b.log[n], out.seen, out.frees_at);
  std::uint64_t held = 0;
  bool broken = c.step_invariants.broken(b.from, b.log[n], b.next[n], held) != 0;
  c.step_invariants.count(held, out.premise_held);
  return broken;
}

class Lookahead {
 public:
  /// reps: where to keep the representatives of successors (nullptr: none).
  explicit Lookahead(const ExpansionContext& c, Representatives* reps = nullptr);
  /// The batch of stored state i; states i+1 and i+2 (those below `end`) are expanded
  /// and their table lookups hinted.  States below `end` must be stored already.
  const Batch& at(std::uint32_t i, std::uint32_t end);

 private:
  const ExpansionContext& c_;
  Representatives* reps_;
  std::array<Batch, 3> ring_;
  /// Rule r's instances are c_.instances[first_[r] .. first_[r + 1]).
  std::array<std::size_t, kRuleCount + 1> first_{};
  /// Per instance, what decides without its guard that it does not fire.
  struct Screen {
    NewSlots fresh;       ///< its new slots (instances.hpp: may_fire)
    std::uint32_t twins;  ///< the thread, file and device it names (twins.hpp: twin_slots)
  };
  std::vector<Screen> screen_;

  Batch& batch(std::uint32_t i);
  void fill(std::uint32_t i, Batch& b) const;
  /// The steps of rule R's instances from b.from (packed: `packed`, its free slots `free`)
  /// into b, but for those that name a slot in `spared` (Twins::slots()).
  template <class R>
  void fill_rule(Batch& b, const std::uint8_t* packed, std::uint32_t free,
                 std::uint32_t spared) const;
};

}  // namespace pasid
