#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstring>

#include "checker/explicit/bit_state.hpp"

using namespace pasid;

namespace {

std::array<std::uint8_t, 12> state(std::uint32_t n) {
  std::array<std::uint8_t, 12> p{};
  std::memcpy(p.data() + 3, &n, sizeof n);
  return p;
}

}  // namespace

TEST_CASE("bitstate: a state is new once, then seen; k bits a state at most") {
  BitState bits(12, 20, 3);
  for (std::uint32_t n = 0; n < 100; ++n) {
    auto p = state(n);
    CHECK_FALSE(bits.contains(p.data()));
    CHECK(bits.insert(p.data()));
    CHECK(bits.contains(p.data()));
    CHECK_FALSE(bits.insert(p.data()));
  }
  CHECK(bits.bits() == (1u << 20));
  CHECK(bits.memory() == (1u << 20) / 8);
  CHECK(bits.bits_set() <= 300);
  CHECK(bits.bits_set() >= 290);  // 2^20 bits: a collision among 300 is rare, not 10 of them
}

TEST_CASE("bitstate: a full table takes new states for seen ones") {
  BitState bits(12, 10, 3);
  int missed = 0;
  for (std::uint32_t n = 0; n < 4000; ++n) missed += !bits.insert(state(n).data());
  CHECK(missed > 1000);
  CHECK(bits.bits_set() > 1000);
  CHECK(bits.bits_set() <= 1024);
}

// The omission estimate is the sum over insertions i of (1 - e^(-k i / m))^k.
TEST_CASE("bitstate: the omission estimate follows Holzmann's formula") {
  const int k = 3;
  const double m = 1 << 16;
  double sum = 0;
  for (int i = 1; i <= 20000; ++i) sum += std::pow(1 - std::exp(-k * i / m), k);
  Omission o = bitstate_omission(20000, 1 << 16, k);
  CHECK(o.expected_missed == doctest::Approx(sum).epsilon(0.01));
  CHECK(o.last_chance == doctest::Approx(std::pow(1 - std::exp(-k * 20000 / m), k)));
  // Plenty of room: nearly nothing missed; none inserted: nothing at all.
  CHECK(bitstate_omission(10000, std::uint64_t{1} << 32, k).expected_missed < 1e-9);
  CHECK(bitstate_omission(0, 1 << 16, k).expected_missed == 0);
}
