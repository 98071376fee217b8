#pragma once
// The states a search has seen, keyed by their packed representatives: exactly, in a
// StateTable, or by a few bits each (bitstate hashing), as the search options ask.

#include <cstdint>
#include <optional>
#include <utility>

#include "bit_state.hpp"
#include "checker/engine.hpp"
#include "state_table.hpp"

namespace pasid {

class Visited {
 public:
  Visited(std::size_t width, const SearchOptions& options) : table_(width) {
    if (options.bitstate_bits) bits_.emplace(width, options.bitstate_bits, options.bitstate_hashes);
  }
  static constexpr std::uint32_t kUnknownIndex = ~0u;

  /// Adds a packed state, given prepare(packed)'s key: its number (kUnknownIndex with
  /// bitstate), and whether it was new (with bitstate: whether one of its bits was clear).
  /// After a run of prepare() calls, the table's cache misses of the run overlap instead of
  /// coming one after another.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* packed, std::uint64_t key) {
    if (bits_) return {kUnknownIndex, bits_->insert(packed)};
    return table_.insert(packed, key);
  }
  std::uint64_t prepare(const std::uint8_t* packed) const {
    std::uint64_t key = key_of(packed);
    prefetch(key);
    return key;
  }
  /// prepare() in two: the key, then the hint (for a search that hints further ahead).
  std::uint64_t key_of(const std::uint8_t* packed) const { return bits_ ? 0 : table_.hash(packed); }
  void prefetch(std::uint64_t key) const {
    if (!bits_) table_.prefetch_slot(key);
  }
  /// After prepare(): the state the key's slot names, into cache.
  void prepare_more(std::uint64_t key) const {
    if (!bits_) table_.prefetch_state(key);
  }
  /// Whether a packed state was seen, given key_of(packed) (safe from many threads while
  /// none inserts, or while one inserts within reserve()'s room).
  bool contains(const std::uint8_t* packed, std::uint64_t key) const {
    return bits_ ? bits_->contains(packed) : table_.contains(packed, key);
  }
  /// Exactly: room for `states` states, as StateTable::reserve.  Then contains() may run
  /// on other threads while one inserts.  (Bits are not shared so.)
  void reserve(std::size_t states) {
    if (!bits_) table_.reserve(states);
  }
  /// Whether states are kept exactly, so that at(i) is the i-th state inserted.
  bool exact() const { return !bits_; }
  const std::uint8_t* at(std::uint32_t i) const { return table_.at(i); }
  const BitState* bits() const { return bits_ ? &*bits_ : nullptr; }
  std::size_t memory() const { return bits_ ? bits_->memory() : table_.memory(); }

 private:
  StateTable table_;
  std::optional<BitState> bits_;
};

}  // namespace pasid
