#include "bit_state.hpp"

#include <bit>
#include <cassert>
#include <cmath>

#include "state_table.hpp"

namespace pasid {

BitState::BitState(std::size_t width, int log2_bits, int hashes)
    : width_(width),
      log2_bits_(log2_bits),
      hashes_(hashes),
      words_(std::size_t{1} << (log2_bits >= 6 ? log2_bits - 6 : 0), 0) {
  assert(log2_bits >= 6 && log2_bits <= 40 && hashes >= 1);
}

/// Calls f(bit) for each of the state's k bits: double hashing, h1 + i h2 (Kirsch and
/// Mitzenmacher), which keeps the false-positive rate of k independent hashes.
template <class F>
void BitState::each_bit(const std::uint8_t* packed, F&& f) const {
  std::uint64_t h1 = hash_packed(packed, width_, 0x243f6a8885a308d3ull);
  std::uint64_t h2 = hash_packed(packed, width_, 0x13198a2e03707344ull) | 1;
  std::uint64_t mask = bits() - 1;
  for (int i = 0; i < hashes_; ++i) f((h1 + static_cast<std::uint64_t>(i) * h2) & mask);
}

bool BitState::insert(const std::uint8_t* packed) {
  bool fresh = false;
  each_bit(packed, [&](std::uint64_t b) {
    std::uint64_t& w = words_[b >> 6];
    std::uint64_t bit = std::uint64_t{1} << (b & 63);
    fresh = fresh || !(w & bit);
    w |= bit;
  });
  return fresh;
}

bool BitState::contains(const std::uint8_t* packed) const {
  bool all = true;
  each_bit(packed, [&](std::uint64_t b) { all = all && (words_[b >> 6] >> (b & 63)) & 1; });
  return all;
}

std::uint64_t BitState::bits_set() const {
  std::uint64_t n = 0;
  for (std::uint64_t w : words_) n += static_cast<std::uint64_t>(std::popcount(w));
  return n;
}

Omission bitstate_omission(std::uint64_t states, std::uint64_t bits, int hashes) {
  const double k = hashes, m = static_cast<double>(bits), n = static_cast<double>(states);
  auto miss = [&](double i) { return std::pow(1 - std::exp(-k * i / m), k); };
  // The sum over i = 1..n of miss(i), by the midpoint rule on 1024 pieces: miss is smooth
  // and increasing, so this is close for any n.
  constexpr int kPieces = 1024;
  double sum = 0, piece = n / kPieces;
  for (int j = 0; j < kPieces; ++j) sum += miss((j + 0.5) * piece) * piece;
  return {miss(n), sum};
}

}  // namespace pasid
