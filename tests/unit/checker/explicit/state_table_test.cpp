#include <doctest/doctest.h>

#include <array>
#include <cstring>
#include <vector>

#include "../walk.hpp"
#include "checker/explicit/arena.hpp"
#include "checker/explicit/state_table.hpp"
#include "packed_states.hpp"

using namespace pasid;

TEST_CASE("arena: states keep their numbers across chunks, and memory stays near the need") {
  const std::size_t width = 12;
  Arena arena(width);
  const std::uint32_t n = 3 * 65536 + 17;  // four chunks
  for (std::uint32_t i = 0; i < n; ++i) arena.push_back(test::packed(i, width).data());
  for (std::uint32_t i : {0u, 65535u, 65536u, 131071u, 131072u, n - 1})
    CHECK(std::memcmp(arena[i], test::packed(i, width).data(), width) == 0);
  CHECK(arena.memory() >= n * width);
  CHECK(arena.memory() < n * width + 65536 * width + 4096);  // under one chunk to spare
}

TEST_CASE("state table: insert numbers new states in order and finds old ones, any width") {
  for (std::size_t width : {3u, 8u, 12u, 15u}) {
    CAPTURE(width);
    StateTable table(width);
    const std::uint32_t n = width < 8 ? 5000 : 100000;  // past several doublings of the slots
    for (std::uint32_t i = 0; i < n; ++i) {
      auto [index, fresh] = table.insert(test::packed(i, width).data());
      REQUIRE(fresh);
      REQUIRE(index == i);
    }
    for (std::uint32_t i = 0; i < n; i += 997) {
      auto p = test::packed(i, width);
      CHECK(table.insert(p.data()) == std::pair<std::uint32_t, bool>{i, false});
      CHECK(table.contains(p.data(), table.hash(p.data())));
      CHECK(std::memcmp(table.at(i), p.data(), width) == 0);
    }
    // A state differing only in its last byte (the overlapping word of the comparison).
    auto p = test::packed(1, width);
    p[width - 1] ^= 0x80;
    CHECK_FALSE(table.contains(p.data(), table.hash(p.data())));
    CHECK(table.size() == n);
  }
}

TEST_CASE("arena: after reserve(n), adding up to n states moves none of them") {
  const std::size_t width = 12;
  Arena arena(width);
  arena.push_back(test::packed(0, width).data());
  const std::uint32_t n = 2 * 65536 + 5;  // past the first chunk, which else grows by eighths
  arena.reserve(n);
  std::vector<const std::uint8_t*> at{arena[0]};
  for (std::uint32_t i = 1; i < n; ++i) {
    arena.push_back(test::packed(i, width).data());
    at.push_back(arena[i]);
  }
  for (std::uint32_t i = 0; i < n; i += 4099) {
    CHECK(arena[i] == at[i]);
    CHECK(std::memcmp(arena[i], test::packed(i, width).data(), width) == 0);
  }
}

TEST_CASE("arena and table: about 10^4 states of 9 bytes cost under 13.5 bytes each") {
  // The default bounds' size: the first chunk grows by an eighth at a time, and the table
  // of 2^14 slots holds 2-byte indices.
  const std::size_t width = 9;
  const std::uint32_t n = 9251;
  StateTable table(width);
  for (std::uint32_t i = 0; i < n; ++i) table.insert(test::packed(i, width).data());
  CHECK(table.memory() >= n * width + 16384 * 2);
  CHECK(table.memory() < n * 27 / 2);
}

TEST_CASE("codec: a field the design never writes takes no bits, and writing it is a model bug") {
  Bounds b;
  Design a;
  a.pasid_by_ipi = true;  // design A: ipi, waits, fpregs and xsave of every thread
  StateCodec v518(b, Design{}), design_a(b, a);
  CHECK(v518.width() < design_a.width());
  // Slots past the bounds are not packed: `back` starts with the initial state's.
  State<Concrete> s = initial_state<Concrete>(), back = s;
  std::array<std::uint8_t, 128> out{};
  v518.pack(s, out.data());
  back.threads[0].ipi = true;  // unpack sets it to its only value
  back.mms[0].users = 3;
  v518.unpack(out.data(), back);
  CHECK(back == s);
  s.threads[1].ipi = true;
  CHECK_THROWS_WITH_AS(v518.pack(s, out.data()), "t1.ipi = 1 is outside its range (0 to 0)",
                       OutOfRange);
  design_a.pack(s, out.data());
  design_a.unpack(out.data(), back);
  CHECK(back == s);
}

TEST_CASE("codec: packing only what changed gives the bytes of packing everything") {
  Design a;
  a.pasid_by_ipi = true;  // design A writes the most fields
  for (const Design& z : {Design{}, a}) {
    Problem pb;
    pb.design = z;
    pb.bounds = {4, 3, 3, 2, 2, 3};  // threads, processes, mms, devices, files, PASIDs
    StateCodec codec(pb.bounds, z);
    const std::size_t w = codec.width();
    auto states = test::random_walks(pb, 30, 30, 3);
    std::vector<std::uint8_t> base(w), whole(w), changed(w);
    // Each state after the one before (a step, or a restart) and after one far back.
    for (std::size_t i = 1; i < states.size(); ++i)
      for (std::size_t j : {i - 1, i / 3}) {
        codec.pack(states[j], base.data());
        codec.pack(states[i], whole.data());
        codec.pack_change(states[j], base.data(), states[i], changed.data());
        REQUIRE(whole == changed);
      }
    // Out of range, or a field the design never writes: the same error as pack().
    State<Concrete> s = states.back(), bad = s;
    codec.pack(s, base.data());
    bad.mms[1].users = 9;
    CHECK_THROWS_WITH_AS(codec.pack_change(s, base.data(), bad, changed.data()),
                         "mm1.users = 9 is outside its range (0 to 6)", OutOfRange);
    bad = s;
    bad.mms[2].refs = 1;
    CHECK_THROWS_WITH_AS(codec.pack_change(s, base.data(), bad, changed.data()),
                         "mm2.refs = 1 is outside its range (0 to 0)", OutOfRange);
  }
}
