#pragma once
// The set of visited states: bit-packed states in one arena (in discovery order, so the
// arena is also the BFS queue) and an open-addressing table of indices into it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "arena.hpp"
#include "huge_pages.hpp"
#include "model/model.hpp"

namespace pasid {

/// Packs a state's live fields, each in as many bits as its range needs.
class StateCodec {
 public:
  explicit StateCodec(const Bounds& b);
  /// Bytes of one packed state.
  std::size_t width() const { return width_; }
  /// Throws std::logic_error if a field is outside its range (a model bug).
  void pack(const State<Concrete>& s, std::uint8_t* out) const;
  void unpack(const std::uint8_t* in, State<Concrete>& s) const;

 private:
  static constexpr std::size_t kMaxWords = 16;  // the largest bounds need under 1024 bits

  struct Layout {
    std::size_t offset;  // of the field's byte within State<Concrete>
    int low;             // the smallest value; stored as value - low
    int high;            // the largest value
    int bits;
    unsigned word;  // where the field's bits start in the packed words
    unsigned shift;
    bool spans;  // continues into the next word
  };
  Bounds bounds_;
  std::vector<Layout> layout_;
  std::vector<FieldId> ids_;  // for the message when a field leaves its range

  [[noreturn]] void out_of_range(std::size_t field, int value) const;
  std::size_t width_ = 0;
};

/// A 64-bit hash of a packed state of `width` bytes; different seeds give different hashes.
std::uint64_t hash_packed(const std::uint8_t* p, std::size_t width, std::uint64_t seed);

class StateTable {
 public:
  explicit StateTable(std::size_t width);
  /// Adds a packed state; returns its index and whether it was new.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* packed) {
    return insert(packed, hash(packed));
  }
  /// The same, given hash(packed).
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* packed, std::uint64_t h);
  std::uint64_t hash(const std::uint8_t* p) const;
  /// Hints for a search about to insert states with these hashes: bring the table slot,
  /// then (once the slot is in cache) the state it names, into cache.  No effect on content.
  void prefetch_slot(std::uint64_t h) const {
    __builtin_prefetch(&slots_[h & (slots_.size() - 1)]);
  }
  void prefetch_state(std::uint64_t h) const {
    // The states of the first two slots probed: at the loads kept, a lookup that finds
    // its state finds it there but for a few percent.
    std::size_t mask = slots_.size() - 1, j = h & mask;
    if (std::uint32_t idx = slots_[j]) {
      __builtin_prefetch(at(idx - 1));
      if (std::uint32_t next = slots_[(j + 1) & mask]) __builtin_prefetch(at(next - 1));
    }
  }
  /// Whether a packed state with hash h is in the table (safe from many threads while none
  /// inserts).
  bool contains(const std::uint8_t* packed, std::uint64_t h) const;
  const std::uint8_t* at(std::uint32_t i) const { return arena_[i]; }
  std::uint32_t size() const { return count_; }
  /// Bytes held by the arena and the index table.
  std::size_t memory() const;

 private:
  std::size_t width_;
  std::uint32_t count_ = 0;
  Arena arena_;
  std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> slots_;  // 0: empty; else index + 1

  bool same(const std::uint8_t* a, const std::uint8_t* b) const;
  void grow();
};

}  // namespace pasid
