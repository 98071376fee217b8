#include <doctest/doctest.h>

#include <vector>

#include "checker/explicit/explorer.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/successor.hpp"
#include "checker/explicit/symmetry.hpp"
#include "checker/explicit/twins.hpp"
#include "checker/walk.hpp"
#include "model/catalog.hpp"

using namespace pasid;

namespace {

/// Each variant and each mutant (on the default variant), at bounds with room for twins of
/// each sort: three threads and files, two devices.
std::vector<Problem> problems() {
  std::vector<Problem> out;
  for (auto list : {variants(), mutants()})
    for (const DesignChange& change : list) {
      Problem& pb = out.emplace_back();
      pb.invariants = builtin_properties();
      pb.bounds = {3, 2, 2, 2, 3, 2};
      change.apply(pb.design);
    }
  return out;
}

/// Slots j and k of sort `sort` exchanged.
Renaming exchange(Renaming::Sort sort, int j, int k) {
  Renaming r = Renaming::identity();
  r.swap_after(sort, j, k);
  return r;
}

/// A lower slot of `sort` whose exchange with slot k leaves s as it is, or kNone.
int lower_fixing(const State<Concrete>& s, const Bounds& b, Renaming::Sort sort, int k) {
  for (int j = 0; j < k; ++j) {
    State<Concrete> t = s;
    rename(t, b, exchange(sort, j, k));
    if (t == s) return j;
  }
  return kNone;
}

/// What Twins says of slot k of `sort`.
bool twin(const Twins& w, Renaming::Sort sort, int k) {
  std::uint32_t bits = sort == Renaming::thread ? w.threads
                       : sort == Renaming::file ? w.files
                                                : w.devices;
  return (bits >> k) & 1;
}

struct Sort {
  Renaming::Sort sort;
  int Bounds::*bound;
  int Args<Concrete>::*arg;
};
constexpr Sort kSorts[] = {{Renaming::thread, &Bounds::threads, &Args<Concrete>::thread},
                           {Renaming::file, &Bounds::files, &Args<Concrete>::file},
                           {Renaming::device, &Bounds::devices, &Args<Concrete>::device}};

/// Whether slot k of `sort` is one a step may name: a live thread, an open file, any device.
bool named(const State<Concrete>& s, Renaming::Sort sort, int k) {
  if (sort == Renaming::thread) return s.threads[k].alive;
  if (sort == Renaming::file) return s.files[k].dev != kNone;
  return true;
}

}  // namespace

TEST_CASE("twins: exactly the slots an exchange with a lower one leaves in place") {
  int found[3] = {};
  for (const Problem& pb : problems())
    for (const auto& s : test::random_walks(pb, 12, 25, 11)) {
      const Twins w = twins(s, pb.bounds);
      for (int n = 0; n < 3; ++n)
        for (int k = 0; k < pb.bounds.*kSorts[n].bound; ++k) {
          bool fixed =
              named(s, kSorts[n].sort, k) && lower_fixing(s, pb.bounds, kSorts[n].sort, k) != kNone;
          CHECK(twin(w, kSorts[n].sort, k) == fixed);
          found[n] += fixed;
        }
    }
  CHECK(found[0] > 50);  // threads
  CHECK(found[1] > 50);  // files
  CHECK(found[2] > 50);  // devices
}

TEST_CASE("twins: devices that no file names are twins only with the same bonds") {
  const Bounds b = problems().front().bounds;
  State<Concrete> s = initial_state<Concrete>();
  CHECK(twins(s, b).devices == 0b10);  // two devices, no file, no bond
  CHECK(lower_fixing(s, b, Renaming::device, 1) == 0);
  s.bonds[1][0] = {1, 1, true};  // a bond with no file (made up: the walks above meet none)
  CHECK(twins(s, b).devices == 0);
  CHECK(lower_fixing(s, b, Renaming::device, 1) == kNone);
}

TEST_CASE("twins: a step skipped is the exchange of a step fired, breaking the same invariants") {
  Log<Concrete> log, other;
  int compared[3] = {};
  for (const Problem& pb : problems()) {
    const auto instances = rule_instances(pb.bounds);
    for (const auto& s : test::random_walks(pb, 12, 25, 13)) {
      const Twins w = twins(s, pb.bounds);
      for (const Instance& in : instances) {
        if (!w.skips(in.args) || !rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) continue;
        for (int n = 0; n < 3; ++n) {
          const int k = in.args.*kSorts[n].arg;
          if (k == kNone || !twin(w, kSorts[n].sort, k)) continue;
          const Renaming r =
              exchange(kSorts[n].sort, lower_fixing(s, pb.bounds, kSorts[n].sort, k), k);
          const Instance lower = rename(in, r);
          CHECK(lower.args.*kSorts[n].arg < k);
          REQUIRE(rule_guard(lower.rule, s, pb.bounds, pb.design, lower.args));
          State<Concrete> next = successor(pb, s, lower, other);
          rename(next, pb.bounds, r);
          const State<Concrete> skipped = successor(pb, s, in, log);
          CHECK(next == skipped);
          CHECK(all_broken(pb, s, other, next) == all_broken(pb, s, log, skipped));
          ++compared[n];
        }
      }
    }
  }
  CHECK(compared[0] > 100);
  CHECK(compared[1] > 100);
  CHECK(compared[2] > 100);
}

TEST_CASE("twins: a search that skips them stores what one that takes them stores") {
  Problem pb;
  pb.invariants = builtin_properties({"no_spurious_sigsegv"});  // B6: violated at depth 6
  SearchOptions all;
  all.spare_twins = false;
  auto same_search = [&](const Problem& p) {
    const Result spared = ExplicitEngine().check(p);
    const Result taken = ExplicitEngine(all).check(p);
    CHECK(spared.verdict == taken.verdict);
    CHECK(spared.stats.states == taken.stats.states);
    CHECK(spared.stats.depth == taken.stats.depth);
    CHECK(spared.stats.transitions < taken.stats.transitions);
    REQUIRE(spared.counterexample.has_value() == taken.counterexample.has_value());
    if (spared.counterexample)
      CHECK(spared.counterexample->steps.size() == taken.counterexample->steps.size());
    return spared;
  };
  CHECK(same_search(pb).verdict == Verdict::holds);  // the default bounds
  pb.bounds = {2, 2, 2, 2, 2, 1};                    // twins of every sort
  CHECK(same_search(pb).verdict == Verdict::holds);
  pb.bounds = {3, 2, 2, 1, 2, 2};
  pb.design.fork_copies_msr = true;
  CHECK(same_search(pb).verdict == Verdict::violated);
}
