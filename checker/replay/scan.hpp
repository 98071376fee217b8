#pragma once
// The trace reader's byte searches, sixteen bytes at a time where the machine has SSE2
// (every x86-64), else a byte at a time.  Each returns the same position both ways
// (`portable::` is the byte loop, which the tests compare against on random text).  A
// vector load never reads past the view: the last bytes go through the byte loop.

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pasid::replay {

namespace portable {

/// Letters, digits, '_' and '.': the characters of an event name.
inline bool is_event_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

/// How many event-name characters s starts with.
inline std::size_t event_name_length(std::string_view s, std::size_t at = 0) {
  while (at < s.size() && is_event_char(s[at])) ++at;
  return at;
}

/// The first position from `at` of a byte equal to a, b or c; s.size() if none.
inline std::size_t find_first_of3(std::string_view s, std::size_t at, char a, char b, char c) {
  while (at < s.size() && s[at] != a && s[at] != b && s[at] != c) ++at;
  return at;
}

/// The first position i from `at` where s[i] is a and s[i + 1] is b; s.size() if none.
inline std::size_t find_pair(std::string_view s, std::size_t at, char a, char b) {
  for (; at + 1 < s.size(); ++at)
    if (s[at] == a && s[at + 1] == b) return at;
  return s.size();
}

/// The 16 hex digits at p (either case) as a number, most significant first; false if one
/// of the bytes is not a hex digit.  A kernel pointer is printed as sixteen.
inline bool hex16(const char* p, std::uint64_t& out) {
  std::uint64_t v = 0;
  for (int k = 0; k < 16; ++k) {
    char c = p[k];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                   : -1;
    if (d < 0) return false;
    v = v << 4 | static_cast<std::uint64_t>(d);
  }
  out = v;
  return true;
}

}  // namespace portable

#if defined(__SSE2__)

namespace sse2 {

inline __m128i load(std::string_view s, std::size_t at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
}

inline __m128i splat(char c) {
  return _mm_set1_epi8(c);
}

/// Bytes of v in [lo, hi] (both below 0x80: bytes from 0x80 up compare as negative).
inline __m128i in_range(__m128i v, char lo, char hi) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, splat(static_cast<char>(lo - 1))),
                       _mm_cmplt_epi8(v, splat(static_cast<char>(hi + 1))));
}

}  // namespace sse2

inline std::size_t event_name_length(std::string_view s, std::size_t at = 0) {
  using namespace sse2;
  for (; at + 16 <= s.size(); at += 16) {
    __m128i v = load(s, at);
    __m128i lower = _mm_or_si128(v, splat(0x20));  // 'A'-'Z' onto 'a'-'z', nothing else there
    __m128i ok = _mm_or_si128(in_range(v, '0', '9'), in_range(lower, 'a', 'z'));
    ok = _mm_or_si128(ok,
                      _mm_or_si128(_mm_cmpeq_epi8(v, splat('_')), _mm_cmpeq_epi8(v, splat('.'))));
    unsigned bad = ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xffffu;
    if (bad != 0) return at + static_cast<std::size_t>(__builtin_ctz(bad));
  }
  return portable::event_name_length(s, at);
}

inline std::size_t find_first_of3(std::string_view s, std::size_t at, char a, char b, char c) {
  using namespace sse2;
  for (; at + 16 <= s.size(); at += 16) {
    __m128i v = load(s, at);
    __m128i hit =
        _mm_or_si128(_mm_cmpeq_epi8(v, splat(a)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, splat(b)), _mm_cmpeq_epi8(v, splat(c))));
    if (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m != 0)
      return at + static_cast<std::size_t>(__builtin_ctz(m));
  }
  return portable::find_first_of3(s, at, a, b, c);
}

inline bool hex16(const char* p, std::uint64_t& out) {
  using namespace sse2;
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i lower = _mm_or_si128(v, splat(0x20));  // 'A'-'F' onto 'a'-'f', nothing else there
  __m128i digit = in_range(v, '0', '9'), letter = in_range(lower, 'a', 'f');
  if (_mm_movemask_epi8(_mm_or_si128(digit, letter)) != 0xffff) return false;
  __m128i nibbles = _mm_or_si128(_mm_and_si128(digit, _mm_sub_epi8(v, splat('0'))),
                                 _mm_and_si128(letter, _mm_sub_epi8(lower, splat('a' - 10))));
  // 16-bit lane k holds digits 2k (low byte) and 2k + 1: into one byte, 2k the high nibble.
  __m128i pairs = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(nibbles, _mm_set1_epi16(0xff)), 4),
                               _mm_srli_epi16(nibbles, 8));
  auto bytes =
      static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_packus_epi16(pairs, _mm_setzero_si128())));
  out = __builtin_bswap64(bytes);  // the first digits are the most significant
  return true;
}

inline std::size_t find_pair(std::string_view s, std::size_t at, char a, char b) {
  using namespace sse2;
  for (; at + 17 <= s.size(); at += 16) {
    __m128i hit = _mm_and_si128(_mm_cmpeq_epi8(load(s, at), splat(a)),
                                _mm_cmpeq_epi8(load(s, at + 1), splat(b)));
    if (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m != 0)
      return at + static_cast<std::size_t>(__builtin_ctz(m));
  }
  return portable::find_pair(s, at, a, b);
}

#else

using portable::event_name_length;
using portable::find_first_of3;
using portable::find_pair;
using portable::hex16;

#endif

}  // namespace pasid::replay
