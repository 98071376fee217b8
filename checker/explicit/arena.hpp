#pragma once
// Packed states of one width, numbered in the order they were added, in chunks of 2^16
// states: the first chunk grows by an eighth at a time, every later one is allocated
// whole.  A vector of all states would hold up to twice what it needs after a doubling (and
// copy everything at each); here the waste is under an eighth of the first chunk or one
// later chunk, and nothing moves once the first chunk is full.  After reserve(n), nothing
// moves until the n-th state either: states may then be read from other threads while
// states are added, those added published to them by the adder (StateTable does so).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "huge_pages.hpp"

namespace pasid {

class Arena {
 public:
  explicit Arena(std::size_t width) : width_(width) {}

  void push_back(const std::uint8_t* packed) {
    std::size_t k = size_ >> kChunkBits, at = (size_ & (kChunk - 1)) * width_;
    if (k == chunks_.size()) {
      chunks_.emplace_back();
      if (k > 0) chunks_.back().resize(kChunk * width_);
    }
    Chunk& c = chunks_[k];
    if (at == c.size())  // the first chunk only
      grow(c, std::min(kChunk, at / width_ + at / width_ / 8 + 256) * width_);
    std::copy(packed, packed + width_, c.data() + at);
    ++size_;
  }
  /// Makes room for `states` states in all: adding up to that many moves no state, no
  /// chunk, and allocates no more than one chunk at a time.
  void reserve(std::size_t states) {
    chunks_.reserve((states + kChunk - 1) >> kChunkBits);
    if (chunks_.empty()) chunks_.emplace_back();
    Chunk& first = chunks_.front();
    grow(first, std::min(kChunk, states) * width_);
  }
  /// (Through a chunk's start, which adding states in reserved room leaves alone.)
  const std::uint8_t* operator[](std::uint32_t i) const {
    return chunks_.data()[i >> kChunkBits].data() + (i & (kChunk - 1)) * width_;
  }
  /// Bytes allocated.
  std::size_t memory() const {
    std::size_t n = chunks_.capacity() * sizeof(Chunk);
    for (const Chunk& c : chunks_) n += c.capacity();
    return n;
  }

 private:
  static constexpr unsigned kChunkBits = 16;
  static constexpr std::size_t kChunk = std::size_t{1} << kChunkBits;
  using Chunk = std::vector<std::uint8_t, HugePageAllocator<std::uint8_t>>;
  std::size_t width_;
  std::vector<Chunk> chunks_;  // each sized to the room it has
  // States added: on a cache line of its own, as the one thread that adds writes it on
  // every state, and the others read the fields above on every lookup.
  alignas(64) std::size_t size_ = 0;

  /// To `bytes`, if less, allocating exactly that.
  static void grow(Chunk& c, std::size_t bytes) {
    if (bytes <= c.size()) return;
    c.reserve(bytes);
    c.resize(bytes);
  }
};

}  // namespace pasid
