#pragma once
// Packed states for the table's tests: distinct for distinct n, of any width up to 16.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace pasid::test {

// A packed state of `width` bytes holding n (so widths under 8 wrap: keep n small there).
inline std::array<std::uint8_t, 16> packed(std::uint64_t n, std::size_t width) {
  std::array<std::uint8_t, 16> p{};
  std::memcpy(p.data(), &n, std::min<std::size_t>(8, width));
  if (width > 8) p[width - 1] = static_cast<std::uint8_t>(n * 7);  // the overlapping last word
  return p;
}

}  // namespace pasid::test
