#include "state_table.hpp"

#include <cassert>
#include <cstring>
#include <limits>

namespace pasid {

void StateCodec::pack(const State<Concrete>& s, std::uint8_t* out) const {
  visit_fields(bounds_, [&](const FieldId&, const auto& v) { *out++ = static_cast<std::uint8_t>(v); }, s);
}

void StateCodec::unpack(const std::uint8_t* in, State<Concrete>& s) const {
  visit_fields(
      bounds_,
      [&](const FieldId&, auto& v) { v = static_cast<std::remove_reference_t<decltype(v)>>(*in++); },
      s);
}

StateTable::StateTable(std::size_t width) : width_(width), slots_(1024, 0) {}

std::uint64_t StateTable::hash(const std::uint8_t* p) const {
  std::uint64_t h = 0x9e3779b97f4a7c15ull ^ width_;
  std::size_t i = 0;
  for (; i + 8 <= width_; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  for (; i < width_; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 32);
}

void StateTable::grow() {
  std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
  std::size_t mask = bigger.size() - 1;
  for (std::uint32_t idx : slots_) {
    if (!idx) continue;
    std::size_t j = hash(at(idx - 1)) & mask;
    while (bigger[j]) j = (j + 1) & mask;
    bigger[j] = idx;
  }
  slots_.swap(bigger);
}

std::pair<std::uint32_t, bool> StateTable::insert(const std::uint8_t* packed) {
  if ((count_ + 1) * 4 > slots_.size() * 3) grow();
  std::size_t mask = slots_.size() - 1;
  for (std::size_t j = hash(packed) & mask;; j = (j + 1) & mask) {
    std::uint32_t idx = slots_[j];
    if (!idx) {
      assert(count_ < std::numeric_limits<std::uint32_t>::max() - 1);
      arena_.insert(arena_.end(), packed, packed + width_);
      slots_[j] = ++count_;
      return {count_ - 1, true};
    }
    if (std::memcmp(at(idx - 1), packed, width_) == 0) return {idx - 1, false};
  }
}

std::size_t StateTable::memory() const {
  return arena_.capacity() + slots_.capacity() * sizeof(std::uint32_t);
}

}  // namespace pasid
