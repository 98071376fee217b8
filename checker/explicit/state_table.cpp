#include "state_table.hpp"

#include <cassert>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace pasid {

std::pair<int, int> field_range(const FieldId& id, const Bounds& b) {
  std::string_view f = id.field;
  if (f == "proc") return {kNone, b.processes - 1};
  if (f == "mm" || f == "owner") return {kNone, b.mms - 1};
  if (f == "dev") return {kNone, b.devices - 1};
  if (f == "pasid" || f == "msr_pasid") return {kNoPasid, b.pasids};
  if (f == "users" && std::string_view(id.obj) == "mm") return {0, b.threads};
  if (f == "users") return {0, 15};             // bond users: files, or more where a design leaks
  if (f == "count") return {0, 1 + b.devices};  // the users' reference and one per bond
  return {0, 1};                                // the booleans
}

StateCodec::StateCodec(const Bounds& b) : bounds_(b) {
  int total = 0;
  State<Concrete> s{};
  visit_fields(
      b,
      [&](const FieldId& id, auto&) {
        auto [low, high] = field_range(id, b);
        int bits = 0;
        while ((1 << bits) <= high - low) ++bits;
        layout_.push_back({low, high, bits});
        total += bits;
      },
      s);
  width_ = static_cast<std::size_t>((total + 7) / 8);
  assert(width_ <= kMaxWords * 8);
}

void StateCodec::pack(const State<Concrete>& s, std::uint8_t* out) const {
  std::uint64_t words[kMaxWords] = {};
  std::size_t i = 0, bit = 0;
  visit_fields(
      bounds_,
      [&](const FieldId& id, const auto& v) {
        const Layout& l = layout_[i++];
        int x = static_cast<int>(v);
        if (x < l.low || x > l.high)
          throw std::logic_error("internal error: " + field_name(id) + " = " + std::to_string(x) +
                                 " is outside its range");
        std::uint64_t u = static_cast<std::uint64_t>(x - l.low);
        words[bit / 64] |= u << (bit % 64);
        if (bit % 64 + static_cast<std::size_t>(l.bits) > 64)
          words[bit / 64 + 1] |= u >> (64 - bit % 64);
        bit += static_cast<std::size_t>(l.bits);
      },
      s);
  std::memcpy(out, words, width_);
}

void StateCodec::unpack(const std::uint8_t* in, State<Concrete>& s) const {
  std::uint64_t words[kMaxWords] = {};
  std::memcpy(words, in, width_);
  std::size_t i = 0, bit = 0;
  visit_fields(
      bounds_,
      [&](const FieldId&, auto& v) {
        const Layout& l = layout_[i++];
        std::uint64_t u = words[bit / 64] >> (bit % 64);
        if (bit % 64 + static_cast<std::size_t>(l.bits) > 64)
          u |= words[bit / 64 + 1] << (64 - bit % 64);
        u &= (std::uint64_t{1} << l.bits) - 1;
        v = static_cast<std::remove_reference_t<decltype(v)>>(static_cast<int>(u) + l.low);
        bit += static_cast<std::size_t>(l.bits);
      },
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
