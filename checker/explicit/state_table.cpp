#include "state_table.hpp"

#include <bit>
#include <cassert>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pasid {

// State<Concrete> is made of bool and int8 fields only, one byte each, so a field is
// found by its byte offset and the codec needs no visitor on the hot path.
static_assert(sizeof(Concrete::Bool) == 1 && sizeof(Concrete::Int) == 1);
static_assert(std::is_trivially_copyable_v<State<Concrete>>);
static_assert(sizeof(State<Concrete>) >= 16);  // pack_change compares it 16 bytes at a time

namespace {

/// Bit k: bytes a[k] and b[k] differ (k < 16).
unsigned changed_bytes(const unsigned char* a, const unsigned char* b) {
#if defined(__SSE2__)
  __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a));
  __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b));
  return ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, y))) & 0xffffu;
#else
  unsigned out = 0;
  for (unsigned k = 0; k < 16; ++k) out |= static_cast<unsigned>(a[k] != b[k]) << k;
  return out;
#endif
}

}  // namespace

StateCodec::StateCodec(const Bounds& b, const Design& z) : bounds_(b) {
  int total = 0;
  State<Concrete> s{};
  const auto* base = reinterpret_cast<const unsigned char*>(&s);
  visit_fields(
      b,
      [&](const FieldId& id, auto& v) {
        auto [low, high] = field_range(id, b);
        if (!field_written(id, z)) high = low;  // its initial value
        int bits = 0;
        while ((1 << bits) <= high - low) ++bits;
        auto offset = static_cast<std::size_t>(reinterpret_cast<const unsigned char*>(&v) - base);
        auto at = static_cast<unsigned>(total);
        (bits ? layout_ : fixed_)
            .push_back({offset, low, high, bits, at / 64, at % 64, at % 64 + bits > 64, id});
        total += bits;
      },
      s);
  width_ = static_cast<std::size_t>((total + 7) / 8);
  assert(width_ >= 1 && width_ <= kMaxWords * 8);
  field_at_.fill(kNoField);
  for (std::size_t k = 0; k < layout_.size(); ++k)
    field_at_[layout_[k].offset] = static_cast<std::int16_t>(k);
  for (const Layout& l : layout_) {
    assert(l.low >= -128 && l.high - l.low <= 255 && l.word < kMaxWords);
    puts_.push_back({((std::uint64_t{1} << l.bits) - 1) << l.shift, static_cast<std::int8_t>(l.low),
                     static_cast<std::uint8_t>(l.high - l.low), static_cast<std::uint8_t>(l.bits),
                     static_cast<std::uint8_t>(l.shift), static_cast<std::uint8_t>(l.word),
                     l.spans});
  }
  for (const Layout& l : fixed_) field_at_[l.offset] = kFixed;
  std::array<bool, sizeof(State<Concrete>)> covered{};
  auto block = [&](std::size_t at) {
    std::uint16_t fields = 0;
    for (std::size_t k = 0; k < 16; ++k)
      if (field_at_[at + k] != kNoField && !covered[at + k]) {
        fields = static_cast<std::uint16_t>(fields | 1u << k);
        covered[at + k] = true;
      }
    if (fields) blocks_.push_back({static_cast<std::uint16_t>(at), fields});
  };
  for (std::size_t at = 0; at + 16 <= sizeof(State<Concrete>); at += 16) block(at);
  if (sizeof(State<Concrete>) % 16 != 0) block(sizeof(State<Concrete>) - 16);
}

void StateCodec::out_of_range(const Layout& l, int value) const {
  throw OutOfRange(field_name(l.id), value, l.low, l.high);
}

void StateCodec::check_fixed(const State<Concrete>& s) const {
  const auto* bytes = reinterpret_cast<const std::int8_t*>(&s);
  int moved = 0;
  for (const Layout& l : fixed_) moved |= bytes[l.offset] ^ l.low;
  if (moved) [[unlikely]]
    for (const Layout& l : fixed_)
      if (bytes[l.offset] != l.low) out_of_range(l, bytes[l.offset]);
}

inline void StateCodec::put(std::size_t i, int x, std::uint64_t* words) const {
  const Put& q = puts_[i];
  const auto u = static_cast<unsigned>(x - q.low);  // x below low wraps to above span
  if (u > q.span) [[unlikely]]
    out_of_range(layout_[i], x);
  words[q.word] = (words[q.word] & ~q.mask) | std::uint64_t{u} << q.shift;
  if (q.spans) [[unlikely]] {
    const std::uint64_t all = (std::uint64_t{1} << q.bits) - 1;
    words[q.word + 1] =
        (words[q.word + 1] & ~(all >> (64 - q.shift))) | std::uint64_t{u} >> (64 - q.shift);
  }
}

void StateCodec::pack(const State<Concrete>& s, std::uint8_t* out) const {
  std::uint64_t words[kMaxWords] = {};
  const auto* bytes = reinterpret_cast<const std::int8_t*>(&s);
  check_fixed(s);
  for (std::size_t i = 0; i < layout_.size(); ++i) put(i, bytes[layout_[i].offset], words);
  std::memcpy(out, words, width_);
}

void StateCodec::pack_change(const State<Concrete>& base, const std::uint8_t* base_packed,
                             const State<Concrete>& s, std::uint8_t* out) const {
  std::uint64_t words[kMaxWords];  // not zeroed whole: a `rep stos` was a fifth of the time
  words[(width_ - 1) / 8] = 0;     // the bytes past width_ in the last word
  std::memcpy(words, base_packed, width_);
  const auto* was = reinterpret_cast<const unsigned char*>(&base);
  const auto* now = reinterpret_cast<const unsigned char*>(&s);
  for (const Block& k : blocks_) {
    for (unsigned diff = changed_bytes(was + k.offset, now + k.offset) & k.fields; diff != 0;
         diff &= diff - 1) {
      std::size_t offset = k.offset + static_cast<unsigned>(std::countr_zero(diff));
      std::int16_t f = field_at_[offset];
      if (f == kFixed) [[unlikely]]
        check_fixed(s);
      if (f >= 0) put(static_cast<std::size_t>(f), static_cast<std::int8_t>(now[offset]), words);
    }
  }
  std::memcpy(out, words, width_);
}

void StateCodec::unpack(const std::uint8_t* in, State<Concrete>& s) const {
  std::uint64_t words[kMaxWords];
  words[(width_ - 1) / 8] = 0;
  std::memcpy(words, in, width_);
  auto* bytes = reinterpret_cast<std::int8_t*>(&s);
  for (const Layout& l : layout_) {
    std::uint64_t u = words[l.word] >> l.shift;
    if (l.spans) u |= words[l.word + 1] << (64 - l.shift);
    u &= (std::uint64_t{1} << l.bits) - 1;
    bytes[l.offset] = static_cast<std::int8_t>(static_cast<int>(u) + l.low);
  }
  for (const Layout& l : fixed_) bytes[l.offset] = static_cast<std::int8_t>(l.low);
}

StateTable::StateTable(std::size_t width) : width_(width), arena_(width), narrow_(1024, 0) {}

bool StateTable::same(const std::uint8_t* a, const std::uint8_t* b) const {
  if (width_ < 8) return std::memcmp(a, b, width_) == 0;
  // Word by word, the last word overlapping the one before: no call, no byte loop.
  auto word = [](const std::uint8_t* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  };
  std::uint64_t diff = 0;
  for (std::size_t i = 0; i + 8 < width_; i += 8) diff |= word(a + i) ^ word(b + i);
  return (diff | (word(a + width_ - 8) ^ word(b + width_ - 8))) == 0;
}

std::uint64_t hash_packed(const std::uint8_t* p, std::size_t width, std::uint64_t seed) {
  std::uint64_t h = seed;
  std::size_t i = 0;
  if (width >= 32) {
    // A wide input (the replay's whole State) in four independent lanes: one chain of
    // multiplications would wait on each multiply in turn.
    std::uint64_t lane[4] = {seed, seed ^ 0x9e3779b97f4a7c15ull, seed ^ 0xbf58476d1ce4e5b9ull,
                             seed ^ 0x94d049bb133111ebull};
    for (; i + 32 <= width; i += 32)
      for (int k = 0; k < 4; ++k) {
        std::uint64_t w;
        std::memcpy(&w, p + i + 8 * k, 8);
        lane[k] = (lane[k] ^ w) * 0xff51afd7ed558ccdull;
        lane[k] ^= lane[k] >> 32;
      }
    h = lane[0] ^ std::rotl(lane[1], 16) ^ std::rotl(lane[2], 32) ^ std::rotl(lane[3], 48);
  }
  for (; i + 8 <= width; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
  }
  for (; i < width; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
  h ^= h >> 29;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 32);
}

std::uint64_t StateTable::hash(const std::uint8_t* p) const {
  return hash_packed(p, width_, 0x9e3779b97f4a7c15ull ^ width_);
}

template <class S, class T>
void StateTable::rehash(const Slots<S>& from, std::uint32_t from_index, Slots<T>& to) const {
  std::size_t mask = to.size() - 1;
  for (std::uint32_t v : from) {
    if (!v) continue;
    std::uint32_t idx = v & from_index;
    std::uint64_t h = hash(at(idx - 1));
    std::size_t j = h & mask;
    while (to[j]) j = (j + 1) & mask;
    to[j] = static_cast<T>(idx | tag_of(h));
  }
}

void StateTable::grow() {
  std::size_t n = slot_count() * 2;
  const std::uint32_t from_index = index_mask_;
  if (n > kMaxNarrow) {  // 2^k slots, k > 16: the index in k bits, the tag in the rest
    const int k = std::countr_zero(n);
    index_mask_ = k >= 32 ? ~std::uint32_t{0} : (std::uint32_t{1} << k) - 1;
    tag_mask_ = ~index_mask_;
  }
  if (!wide_.empty()) {
    Slots<std::uint32_t> bigger(n, 0);
    rehash(wide_, from_index, bigger);
    wide_.swap(bigger);
  } else if (n <= kMaxNarrow) {
    Slots<std::uint16_t> bigger(n, 0);
    rehash(narrow_, from_index, bigger);
    narrow_.swap(bigger);
  } else {
    wide_.assign(n, 0);
    rehash(narrow_, from_index, wide_);
    Slots<std::uint16_t>().swap(narrow_);
  }
}

std::size_t StateTable::memory() const {
  return arena_.memory() + narrow_.capacity() * sizeof(std::uint16_t) +
         wide_.capacity() * sizeof(std::uint32_t);
}

}  // namespace pasid
