#pragma once
// The set of visited states: bit-packed states in one arena (in discovery order, so the
// arena is also the BFS queue) and an open-addressing table of indices into it.

#include <array>
#include <atomic>
#include <cassert>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "arena.hpp"
#include "huge_pages.hpp"
#include "model/model.hpp"

namespace pasid {

/// A state with a field outside the range the model gives it at these bounds: a count the
/// design takes further than the bounds foresee (a reference it leaks on every round, as
/// under bond-pins-users), or else a model bug.  The search cannot go on past it.
class OutOfRange : public std::runtime_error {
 public:
  OutOfRange(const std::string& field, int value, int low, int high)
      : std::runtime_error(field + " = " + std::to_string(value) + " is outside its range (" +
                           std::to_string(low) + " to " + std::to_string(high) + ")") {}
  /// What every engine adds when it meets one: the design, not the search, went too far.
  static constexpr const char* kPastTheModel =
      "this design takes it past what the model holds at these bounds";
};

/// Packs a state's live fields, each in as many bits as its range needs: none for a field
/// the design never writes.
class StateCodec {
 public:
  StateCodec(const Bounds& b, const Design& z);
  /// Bytes of one packed state: at most kMaxBytes.
  std::size_t width() const { return width_; }
  static constexpr std::size_t kMaxBytes = 128;
  /// Throws OutOfRange if a field is outside its range.
  void pack(const State<Concrete>& s, std::uint8_t* out) const;
  /// pack(s, out), given a state `base` and pack(base): only the fields s changed are
  /// packed again (a successor changes a few of about a hundred).  The same bytes; for a
  /// field out of its range the same error (for one of them, where several are).
  void pack_change(const State<Concrete>& base, const std::uint8_t* base_packed,
                   const State<Concrete>& s, std::uint8_t* out) const;
  void unpack(const std::uint8_t* in, State<Concrete>& s) const;

 private:
  static constexpr std::size_t kMaxWords = kMaxBytes / 8;  // the largest bounds: under 1024 bits

  struct Layout {
    std::size_t offset;  // of the field's byte within State<Concrete>
    int low;             // the smallest value; stored as value - low
    int high;            // the largest value
    int bits;
    unsigned word;  // where the field's bits start in the packed words
    unsigned shift;
    bool spans;  // continues into the next word
    FieldId id;  // for the message when the field leaves its range
  };
  static constexpr std::int16_t kNoField = -1;  // a byte of a slot past the bounds
  static constexpr std::int16_t kFixed = -2;    // a byte of a field in fixed_

  Bounds bounds_;
  std::vector<Layout> layout_;  // the fields with bits
  /// layout_[k] as put() reads it: one load, no range arithmetic.
  struct Put {
    std::uint64_t mask;  // the field's bits in its word
    std::int8_t low;
    std::uint8_t span;  // high - low
    std::uint8_t bits;
    std::uint8_t shift;
    std::uint8_t word;
    bool spans;  // continues into the next word
  };
  std::vector<Put> puts_;
  std::vector<Layout> fixed_;  // the fields the design never writes: no bits, always `low`
  /// Per byte of State<Concrete>: its field's position in layout_, or kNoField or kFixed.
  std::array<std::int16_t, sizeof(State<Concrete>)> field_at_;
  /// The 16-byte blocks of State<Concrete> that hold a field: the block's byte offset, and
  /// which of its bytes are a field's (bit k: byte offset + k), each byte in one block only.
  /// The last block ends where the state does, overlapping the one before if need be.
  struct Block {
    std::uint16_t offset;
    std::uint16_t fields;
  };
  std::vector<Block> blocks_;

  /// Sets field i's bits in `words` to x (checked against its range), whatever they held.
  void put(std::size_t i, int x, std::uint64_t* words) const;

  [[noreturn]] void out_of_range(const Layout& l, int value) const;
  /// Throws OutOfRange if a field the design never writes was written.
  void check_fixed(const State<Concrete>& s) const;
  std::size_t width_ = 0;
};

/// A 64-bit hash of a packed state of `width` bytes; different seeds give different hashes.
std::uint64_t hash_packed(const std::uint8_t* p, std::size_t width, std::uint64_t seed);

/// Packed states in an arena, under an open-addressing table of their indices (+ 1; 0 is
/// an empty slot), linear probing, at most 3/4 full.  A table of up to 2^16 slots holds
/// 2-byte indices, a larger one 4-byte ones: at the default bounds (about 10^4 states) the
/// index costs 3.5 bytes a state instead of 7.
///
/// A table of 2^k 4-byte slots holds fewer than 2^k states: the index takes the slot's low
/// k bits, and the bits above it hold the same bits of the state's hash (a tag).  A lookup
/// passes over the slots of other states by their tags, without reading those states from
/// the arena: at 3/4 full, linear probing meets more than one such slot a lookup, and each
/// read was a cache miss.
class StateTable {
  template <class S>
  using Slots = std::vector<S, HugePageAllocator<S>>;  // 0: empty; else index + 1, and a tag
  static constexpr std::size_t kMaxNarrow = std::size_t{1} << 16;

  std::size_t width_;
  Arena arena_;
  Slots<std::uint16_t> narrow_;          // while the table has at most kMaxNarrow slots
  Slots<std::uint32_t> wide_;            // after
  std::uint32_t index_mask_ = 0xffff;    // a slot's bits that hold the index + 1
  std::uint32_t tag_mask_ = 0;           // the others: its tag (none in a 2-byte slot)
  alignas(64) std::uint32_t count_ = 0;  // a line of its own, as Arena::size_

  /// The tag of a state with hash h, in place in its slot.
  std::uint32_t tag_of(std::uint64_t h) const {
    return static_cast<std::uint32_t>(h >> 32) & tag_mask_;
  }
  /// Whether slot value v (not empty) carries the tag of hash h: it may name that state.
  bool tagged(std::uint32_t v, std::uint64_t h) const { return (v & tag_mask_) == tag_of(h); }
  /// The index of the state slot value v (not empty) names.
  std::uint32_t index_of(std::uint32_t v) const { return (v & index_mask_) - 1; }
  /// Whether slot value v may name the state with hash h and packed form `packed`, and
  /// (reading the arena) does.
  bool names(std::uint32_t v, std::uint64_t h, const std::uint8_t* packed) const {
    return tagged(v, h) && same(at(index_of(v)), packed);
  }

  std::size_t slot_count() const { return wide_.empty() ? narrow_.size() : wide_.size(); }
  template <class F>
  decltype(auto) with_slots(F&& f) {
    return wide_.empty() ? f(narrow_) : f(wide_);
  }
  template <class F>
  decltype(auto) with_slots(F&& f) const {
    return wide_.empty() ? f(narrow_) : f(wide_);
  }
  template <class S>
  std::pair<std::uint32_t, bool> insert_into(Slots<S>& slots, const std::uint8_t* packed,
                                             std::uint64_t h) {
    std::size_t mask = slots.size() - 1;
    for (std::size_t j = h & mask;; j = (j + 1) & mask) {
      std::uint32_t v = slots[j];
      if (!v) {
        assert(count_ < index_mask_);  // the table grows before it is 3/4 full
        arena_.push_back(packed);
        // Published after its state: a reader that finds the index finds the state.
        std::atomic_ref<S>(slots[j]).store(static_cast<S>(++count_ | tag_of(h)),
                                           std::memory_order_release);
        return {count_ - 1, true};
      }
      if (names(v, h, packed)) return {index_of(v), false};
    }
  }
  bool same(const std::uint8_t* a, const std::uint8_t* b) const;
  /// A slot as read beside the one thread that inserts (a plain load on x86).
  template <class S>
  static std::uint32_t load(const S& slot, std::memory_order order) {
    return std::atomic_ref<S>(const_cast<S&>(slot)).load(order);
  }
  void grow();
  /// Every index of `from` (whose index bits are `from_index`) into `to` (empty, larger),
  /// tagged for it.
  template <class S, class T>
  void rehash(const Slots<S>& from, std::uint32_t from_index, Slots<T>& to) const;

 public:
  explicit StateTable(std::size_t width);
  /// Makes room for `states` states in all.  Until the table holds that many, insert()
  /// moves nothing: contains() and at() may then run on other threads while one inserts.
  void reserve(std::size_t states) {
    while (states * 4 > slot_count() * 3) grow();
    arena_.reserve(states);
  }
  /// Adds a packed state; returns its index and whether it was new.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* packed) {
    return insert(packed, hash(packed));
  }
  /// The same, given hash(packed).
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* packed, std::uint64_t h) {
    if ((std::size_t{count_} + 1) * 4 > slot_count() * 3) grow();
    return with_slots([&](auto& slots) { return insert_into(slots, packed, h); });
  }
  std::uint64_t hash(const std::uint8_t* p) const;
  /// Hints for a search about to insert states with these hashes: bring the table slot,
  /// then (once the slot is in cache) the state it names, into cache.  No effect on content.
  void prefetch_slot(std::uint64_t h) const {
    with_slots([&](const auto& slots) { __builtin_prefetch(&slots[h & (slots.size() - 1)]); });
  }
  void prefetch_state(std::uint64_t h) const {
    // The state of the first slot probed that carries h's tag, which is nearly always the
    // one (in a 2-byte table, without tags, the states of the first two slots: a lookup
    // that finds its state finds it there but for a few percent).  At most 8 slots.
    with_slots([&](const auto& slots) {
      const std::size_t mask = slots.size() - 1;
      const int hints = tag_mask_ ? 1 : 2;
      int hinted = 0;
      for (std::size_t j = h & mask, k = 0; k < 8 && hinted < hints; ++k, j = (j + 1) & mask) {
        std::uint32_t v = load(slots[j], std::memory_order_acquire);
        if (!v) return;
        if (!tagged(v, h)) continue;
        __builtin_prefetch(at(index_of(v)));
        ++hinted;
      }
    });
  }
  /// Whether a packed state with hash h is in the table: safe from many threads while none
  /// inserts, or while one inserts within reserve()'s room (a state it adds meanwhile may be
  /// found or not).
  bool contains(const std::uint8_t* packed, std::uint64_t h) const {
    return with_slots([&](const auto& slots) {
      std::size_t mask = slots.size() - 1;
      for (std::size_t j = h & mask;; j = (j + 1) & mask) {
        std::uint32_t v = load(slots[j], std::memory_order_acquire);
        if (!v) return false;
        if (names(v, h, packed)) return true;
      }
    });
  }
  const std::uint8_t* at(std::uint32_t i) const { return arena_[i]; }
  std::uint32_t size() const { return count_; }
  /// Bytes held by the arena and the index table.
  std::size_t memory() const;
};

}  // namespace pasid
