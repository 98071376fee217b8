// The memo of state-invariant verdicts: a state's verdict is computed once and given back,
// and no state is ever given another's, however many share a table entry.

#include "checker/replay/state_memo.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace pasid;
using namespace pasid::replay;

namespace {

/// A state of its own for each k < 2^18 (k spelled in three fields, six bits each).
State<Concrete> state_number(int k) {
  State<Concrete> s = initial_state<Concrete>();
  for (unsigned m = 0; m < 3; ++m) s.mms[m].count = static_cast<std::int8_t>((k >> (6 * m)) & 63);
  s.threads[static_cast<unsigned>(k % kMaxThreads)].alive = true;
  return s;
}

}  // namespace

TEST_CASE("state memo: a verdict is computed on the first sight of a state, then remembered") {
  StateMemo memo;
  State<Concrete> s = state_number(3);
  int calls = 0;
  auto compute = [&] {
    ++calls;
    return std::uint64_t{0b1010};
  };
  CHECK(memo.verdict(s, compute) == 0b1010);
  CHECK(memo.verdict(s, compute) == 0b1010);
  CHECK(calls == 1);
  CHECK(memo.hits() == 1);
  s.threads[7].msr_valid = true;  // another state: computed again
  CHECK(memo.verdict(s, [] { return std::uint64_t{1}; }) == 1);
  CHECK(memo.hits() == 1);
}

TEST_CASE("state memo: many states, more than its entries, each keep their own verdict") {
  StateMemo memo;
  const int n = 5000;  // well over the table's entries: collisions evict, never mix
  for (int round = 0; round < 2; ++round)
    for (int k = 0; k < n; ++k) {
      bool computed = false;
      std::uint64_t v = memo.verdict(state_number(k), [&] {
        computed = true;
        return static_cast<std::uint64_t>(k) * 2654435761u;
      });
      CHECK(v == static_cast<std::uint64_t>(k) * 2654435761u);
      if (round == 1 && !computed) CHECK(memo.hits() > 0);
    }
  // The last states of the second round are still there.
  int again = 0;
  for (int k = n - 8; k < n; ++k)
    memo.verdict(state_number(k), [&] {
      ++again;
      return static_cast<std::uint64_t>(k) * 2654435761u;
    });
  CHECK(again < 8);
}
