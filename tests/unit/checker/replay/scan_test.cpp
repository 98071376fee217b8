// The reader's byte searches: the vector ones give the byte loops' answers on any text,
// at any start and length (so across the sixteen-byte boundaries and in the tail).

#include "checker/replay/scan.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace pasid::replay;

namespace {

/// Text drawn mostly from trace characters, with some bytes from 0x80 up.
std::string random_text(std::mt19937& rng, std::size_t n) {
  static const std::string kAlphabet = "abz_.AZ09 ,():=-@[`{/\t\x7f\x80\xff";
  std::string s(n, ' ');
  for (char& c : s) c = kAlphabet[rng() % kAlphabet.size()];
  return s;
}

}  // namespace

TEST_CASE("scan: the vector searches agree with the byte loops") {
  std::mt19937 rng(7);
  int hits = 0;  // searches that found something before the end, so that both kinds are seen
  for (int round = 0; round < 20000; ++round) {
    std::string text = random_text(rng, rng() % 70);
    std::string_view s = text;
    std::size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
    CHECK(event_name_length(s, at) == portable::event_name_length(s, at));
    CHECK(find_first_of3(s, at, ' ', ',', '(') == portable::find_first_of3(s, at, ' ', ',', '('));
    char a = text.empty() ? 'a' : text[rng() % text.size()];
    char b = text.empty() ? 'b' : text[rng() % text.size()];
    std::size_t pair = find_pair(s, at, a, b);
    CHECK(pair == portable::find_pair(s, at, a, b));
    hits += pair < s.size();
  }
  CHECK(hits > 1000);
}

TEST_CASE("scan: hex16 agrees with the byte loop") {
  std::mt19937 rng(11);
  static const std::string kHex = "0123456789abcdefABCDEF";
  int numbers = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text(16, '0');
    for (char& c : text) c = kHex[rng() % kHex.size()];
    if (round % 2) text[rng() % 16] = static_cast<char>(rng() % 256);  // maybe not a digit
    std::uint64_t fast = 1, slow = 2;
    bool ok = hex16(text.data(), fast);
    CHECK(ok == portable::hex16(text.data(), slow));
    if (ok) CHECK(fast == slow);
    numbers += ok;
  }
  CHECK(numbers > 10000);
  std::uint64_t v = 0;
  CHECK(hex16("ffff8881000000c0", v));
  CHECK(v == 0xffff8881000000c0ull);
  CHECK(hex16("0123456789ABCDEF", v));
  CHECK(v == 0x0123456789abcdefull);
  CHECK(!hex16("0123456789abcdeg", v));
  CHECK(!hex16("/123456789abcdef", v));
  CHECK(!hex16(":123456789abcdef", v));
  CHECK(!hex16("`123456789abcdef", v));
}

TEST_CASE("scan: examples") {
  CHECK(event_name_length("sched_process_exit: pid=3") == 18);
  CHECK(event_name_length("sys_openat(dfd: ffffff9c, filename: 7ffd2000, flags: 0)") == 10);
  CHECK(event_name_length("a.very_long_event_name_of_kprobes_0123456789 -> 0x3") == 44);
  CHECK(event_name_length("\x80") == 0);
  CHECK(find_first_of3("pid=1001 comm=wl clone_flags=3d0f00 oom_score_adj=0", 0, ' ', ',', '(') ==
        8);
  CHECK(find_pair("addr: 0, len: 2000, prot: 1, flags: 2, fd: 3, off: 0", 0, 'f', 'd') == 39);
  CHECK(find_pair("fd", 0, 'd', 'x') == 2);
}
