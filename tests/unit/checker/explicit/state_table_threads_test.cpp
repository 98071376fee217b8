// StateTable read on other threads while one thread inserts, as the parallel search does:
// the search adds one run's states while its workers look up the next run's successors
// (contains) and read stored states (at).  Within reserve()'s room the table neither grows
// nor moves, and a state is published in its slot only once written.  .ci/test also runs
// this file under ThreadSanitizer, which checks that memory order.
#include <doctest/doctest.h>

#include <atomic>
#include <cstring>
#include <thread>

#include "checker/explicit/state_table.hpp"
#include "packed_states.hpp"

using namespace pasid;
using test::packed;

TEST_CASE("state table: within reserve(), another thread reads while one inserts") {
  for (std::size_t width : {3u, 12u}) {
    CAPTURE(width);
    StateTable table(width);
    // Past a doubling of the slots, within the arena's first chunk (later chunks are
    // allocated as they are reached, so the memory would grow by them).
    const std::uint32_t old = width < 8 ? 2000 : 20000, n = width < 8 ? 5000 : 60000;
    for (std::uint32_t i = 0; i < old; ++i) table.insert(packed(i, width).data());
    table.reserve(n);
    const std::size_t memory = table.memory();
    std::atomic<std::uint32_t> published{old};
    std::jthread writer([&] {
      for (std::uint32_t i = old; i < n; ++i) {
        table.insert(packed(i, width).data());
        published.store(i + 1, std::memory_order_release);
      }
    });
    std::uint32_t missed = 0, wrong = 0;
    for (std::uint32_t round = 0; published.load(std::memory_order_acquire) < n || round < 2;
         ++round) {
      const std::uint32_t seen = published.load(std::memory_order_acquire);
      for (std::uint32_t i = 0; i < n; i += 7) {
        auto p = packed(i, width);
        bool found = table.contains(p.data(), table.hash(p.data()));
        if (i < seen && (!found || std::memcmp(table.at(i), p.data(), width) != 0)) ++missed;
        if (found && std::memcmp(table.at(i), p.data(), width) != 0) ++wrong;
      }
    }
    writer.join();
    CHECK(missed == 0);
    CHECK(wrong == 0);
    CHECK(table.size() == n);
    CHECK(table.memory() == memory);  // nothing grew under the reader
  }
}
