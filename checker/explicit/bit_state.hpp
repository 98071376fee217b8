#pragma once
// Bitstate hashing (Holzmann's supertrace, as SPIN's -DBITSTATE): a state is taken as seen
// when all k of its bits in a table of 2^n bits are set.  A few bits per state instead of
// the state itself, at the price of missing a state whose bits all happen to be set by
// others: a search that finds no violation is no longer a proof.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "huge_pages.hpp"

namespace pasid {

class BitState {
 public:
  /// 2^log2_bits bits, `hashes` bits per state.
  BitState(std::size_t width, int log2_bits, int hashes);
  /// Sets the state's bits; whether one was clear (the state is new, as far as bits can say).
  bool insert(const std::uint8_t* packed);
  /// Whether all the state's bits are set (safe from many threads while none inserts).
  bool contains(const std::uint8_t* packed) const;
  std::size_t memory() const { return words_.size() * sizeof(std::uint64_t); }
  std::uint64_t bits() const { return std::uint64_t{1} << log2_bits_; }
  int hashes() const { return hashes_; }
  /// How many bits are set (counted, not estimated).
  std::uint64_t bits_set() const;

 private:
  std::size_t width_;
  int log2_bits_;
  int hashes_;
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> words_;

  template <class F>
  void each_bit(const std::uint8_t* packed, F&& f) const;
};

/// What a bitstate search may have missed, after `states` insertions that looked new into
/// `bits` bits with k hashes each: the chance that the last new state was taken for a
/// seen one, and the expected number of states missed along the way (each insertion i
/// missed with chance (1 - e^(-k i / m))^k, as in Holzmann's analysis of supertrace).
struct Omission {
  double last_chance;
  double expected_missed;
};
Omission bitstate_omission(std::uint64_t states, std::uint64_t bits, int hashes);

}  // namespace pasid
