#include <doctest/doctest.h>

#include <array>
#include <cstring>

#include "checker/explicit/arena.hpp"
#include "checker/explicit/state_table.hpp"

using namespace pasid;

namespace {

// A packed state of `width` bytes holding n (so widths under 8 wrap: keep n small there).
std::array<std::uint8_t, 16> packed(std::uint64_t n, std::size_t width) {
  std::array<std::uint8_t, 16> p{};
  std::memcpy(p.data(), &n, std::min<std::size_t>(8, width));
  if (width > 8) p[width - 1] = static_cast<std::uint8_t>(n * 7);  // the overlapping last word
  return p;
}

}  // namespace

TEST_CASE("arena: states keep their numbers across chunks, and memory stays near the need") {
  const std::size_t width = 12;
  Arena arena(width);
  const std::uint32_t n = 3 * 65536 + 17;  // four chunks
  for (std::uint32_t i = 0; i < n; ++i) arena.push_back(packed(i, width).data());
  for (std::uint32_t i : {0u, 65535u, 65536u, 131071u, 131072u, n - 1})
    CHECK(std::memcmp(arena[i], packed(i, width).data(), width) == 0);
  CHECK(arena.memory() >= n * width);
  CHECK(arena.memory() < n * width + 65536 * width + 4096);  // under one chunk to spare
}

TEST_CASE("state table: insert numbers new states in order and finds old ones, any width") {
  for (std::size_t width : {3u, 8u, 12u, 15u}) {
    CAPTURE(width);
    StateTable table(width);
    const std::uint32_t n = width < 8 ? 5000 : 100000;  // past several doublings of the slots
    for (std::uint32_t i = 0; i < n; ++i) {
      auto [index, fresh] = table.insert(packed(i, width).data());
      REQUIRE(fresh);
      REQUIRE(index == i);
    }
    for (std::uint32_t i = 0; i < n; i += 997) {
      auto p = packed(i, width);
      CHECK(table.insert(p.data()) == std::pair<std::uint32_t, bool>{i, false});
      CHECK(table.contains(p.data(), table.hash(p.data())));
      CHECK(std::memcmp(table.at(i), p.data(), width) == 0);
    }
    // A state differing only in its last byte (the overlapping word of the comparison).
    auto p = packed(1, width);
    p[width - 1] ^= 0x80;
    CHECK_FALSE(table.contains(p.data(), table.hash(p.data())));
    CHECK(table.size() == n);
  }
}
