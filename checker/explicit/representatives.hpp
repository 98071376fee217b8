#pragma once
// The representatives of recent successors, by the successor as packed.  With symmetry
// reduction a successor is renamed into its representative (canonicalize(), about half of
// a transition), and most successors are met again, from other representatives: at the
// default bounds 77% of them.  One met again while still held takes its representative
// from here.  canonicalize() is a function of the state, so what the search stores and in
// what order is the same with the cache as without.
//
// Direct-mapped: each packed successor has one place, which a newer one takes over.  Each
// worker has its own (no lock), for the whole search.

#include <cstdint>
#include <vector>

namespace pasid {

/// Each on cache lines of its own: two workers counting lookups side by side in a vector
/// made the parallel search a tenth slower (false sharing).
class alignas(64) Representatives {
 public:
  /// For packed states of `width` bytes, in about `bytes` of memory (a power of two of
  /// places, at least 256).
  Representatives(std::size_t width, std::size_t bytes);

  /// The representative of `raw` (its hash h: key()), packed, or nullptr if not held.
  const std::uint8_t* find(const std::uint8_t* raw, std::uint64_t h) const;
  /// Holds `rep` as the representative of `raw`, in the place of whatever was there.
  void keep(const std::uint8_t* raw, std::uint64_t h, const std::uint8_t* rep);
  /// The hash of a packed successor that find() and keep() take.
  std::uint64_t key(const std::uint8_t* raw) const;

  std::size_t memory() const { return places_.size(); }
  std::uint64_t hits() const { return hits_; }
  std::uint64_t lookups() const { return lookups_; }

 private:
  std::size_t w_;
  std::size_t stride_;  // a tag (the hash's high half, never 0: 0 is an empty place), raw, rep
  std::size_t mask_;
  std::vector<std::uint8_t> places_;
  mutable std::uint64_t hits_ = 0, lookups_ = 0;

  std::uint8_t* place(std::uint64_t h) { return &places_[(h & mask_) * stride_]; }
  const std::uint8_t* place(std::uint64_t h) const { return &places_[(h & mask_) * stride_]; }
  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
};

}  // namespace pasid
