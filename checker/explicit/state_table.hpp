#pragma once
// The set of visited states: bit-packed states in one arena (in discovery order, so the
// arena is also the BFS queue) and an open-addressing table of indices into it.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

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

class StateTable {
 public:
  explicit StateTable(std::size_t width);
  /// Adds a packed state; returns its index and whether it was new.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* packed);
  /// Whether a packed state is in the table (safe from many threads while none inserts).
  bool contains(const std::uint8_t* packed) const;
  const std::uint8_t* at(std::uint32_t i) const { return &arena_[i * width_]; }
  std::uint32_t size() const { return count_; }
  /// Bytes held by the arena and the index table.
  std::size_t memory() const;

 private:
  std::size_t width_;
  std::uint32_t count_ = 0;
  std::vector<std::uint8_t> arena_;
  std::vector<std::uint32_t> slots_;  // 0: empty; else index + 1

  std::uint64_t hash(const std::uint8_t* p) const;
  bool same(const std::uint8_t* a, const std::uint8_t* b) const;
  void grow();
};

}  // namespace pasid
