// The candidates k-induction proves before it assumes them (checker/smt/lemma_proof.hpp):
// what it keeps holds in every sampled reachable state of every design, and it drops what
// a design breaks while keeping the rest.

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "../walk.hpp"
#include "checker/smt/lemma_proof.hpp"
#include "checker/spec/spec.hpp"

using namespace pasid;

namespace {

/// The design at bounds b: two processes for the variants (5.18 as merged breaks a lemma
/// only once a forked child keeps its parent's file), the least with exec for the mutants.
Problem design(const DesignChange& change, Bounds b) {
  Problem pb;
  pb.bounds = b;
  change.apply(pb.design);
  return pb;
}

/// On two threads: the set is the same on one (by_instance_test asks the same questions
/// both ways), and the rounds that drop candidates then take a step found on either.
smt::Candidates proved(const Problem& pb) {
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  smt::Transition t(pb);
  return smt::prove_lemmas(t, 120, 2).kept;
}

int candidate(std::string_view name) {
  for (int c = 0; c < smt::kCandidates; ++c)
    if (smt::candidate_name(c) == name) return c;
  FAIL("no candidate " << name);
  return -1;
}

}  // namespace

TEST_CASE("lemma proof: what it keeps holds in reachable states; it drops what a design breaks") {
  std::string dropped;
  auto check = [&](const DesignChange& change, Bounds b) -> smt::Candidates {
    std::string name = change.name;
    CAPTURE(name);
    Problem pb = design(change, b);
    smt::Candidates kept = proved(pb);
    CHECK(kept.any());
    for (const auto& s : test::random_walks(pb, 100, 25, 99))
      for (int c = 0; c < smt::kCandidates; ++c)
        if (kept[static_cast<std::size_t>(c)]) {
          std::string fact = std::string(smt::candidate_name(c));
          CAPTURE(fact);
          REQUIRE(smt::candidate_holds(c, pb.bounds, s));
        }
    smt::Candidates lost = smt::state_candidates() & ~kept;
    if (lost.any()) dropped += std::string(change.name) + " (" + smt::candidate_list(lost) + ") ";
    return kept;
  };
  for (const auto& m : mutants()) check(m, {1, 1, 2, 1, 1, 1});  // threads, processes, mms, ...
  // The designs as fixed keep every lemma and state invariant.  5.18 as merged frees the
  // PASID at the last mmput while a bond holds it: it loses bonds_hold_pasid, and with it
  // whatever was inductive only together with it, but keeps the rest.
  for (const auto& v : variants()) {
    smt::Candidates kept = check(v, {2, 2, 2, 1, 1, 1});
    if (std::string(v.name) == "v5.18" || std::string(v.name) == "v6.x")
      CHECK(kept == smt::state_candidates());
    if (std::string(v.name) == "v5.18-merge") {
      CHECK_FALSE(kept[candidate("bonds_hold_pasid")]);
      CHECK(kept[candidate("counts_match")]);
      CHECK(kept[candidate("msr_matches_mm")]);
    }
  }
  MESSAGE(dropped);
}

TEST_CASE("lemma proof: a complete proof serves the next engine, for its design and bounds only") {
  Problem pb;
  pb.bounds = {1, 1, 2, 1, 1, 1};
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  smt::Transition t(pb);
  smt::KnownFacts known;
  // Cut short (no time at all): not kept, so the next engine proves them itself.
  smt::ProvedLemmas cut = smt::prove_lemmas(t, 1e-9, 1, 1, &known);
  CHECK_FALSE(cut.complete);
  CHECK(cut.kept.none());
  CHECK_FALSE(known.find(t));
  smt::ProvedLemmas first = smt::prove_lemmas(t, 120, 0.5, 1, &known);
  REQUIRE(first.complete);
  CHECK_FALSE(first.reused);
  CHECK(first.kept == proved(pb));
  smt::ProvedLemmas again = smt::prove_lemmas(t, 120, 0.5, 2, &known);
  CHECK(again.reused);
  CHECK(again.kept == first.kept);
  CHECK(smt::lemmas_used(again).find("for an engine before this one") != std::string::npos);
  // Other bounds, or another design: proved anew (5.18 as merged keeps fewer candidates).
  Problem wider = pb;
  wider.bounds.threads = 2;
  CHECK_FALSE(known.find(smt::Transition(wider)));
  Problem merged = pb;
  find_change(variants(), "v5.18-merge")->apply(merged.design);
  smt::Transition tm(merged);
  smt::ProvedLemmas other = smt::prove_lemmas(tm, 120, 0.5, 1, &known);
  CHECK_FALSE(other.reused);
  CHECK(other.kept == proved(merged));
  CHECK(other.kept != first.kept);
  // 1-inductive, for the facts, design, bounds and invariants it was found for.
  Problem one = pb;
  one.invariants = builtin_properties({"no_spurious_sigsegv"});
  smt::Transition to(one);
  CHECK_FALSE(known.inductive(to, first.kept));
  known.keep_inductive(to, first.kept);
  CHECK(known.inductive(to, first.kept));
  CHECK_FALSE(known.inductive(to, smt::Candidates{}));
  CHECK_FALSE(known.inductive(t, first.kept));  // other invariants (none)
  // A written invariant is told by its formula and premise: another one is not the same.
  auto written = [&](const char* spec) {
    Problem w = one;
    w.invariants =
        read_spec(std::string(PASIDCHECK_SOURCE_DIR "/specs/written/") + spec).problem.invariants;
    REQUIRE(w.invariants.front().builtin < 0);
    return w;
  };
  Problem msr = written("example-msr-never-rewritten.json");
  Problem bonds = written("example-bond-pasids-distinct.json");
  smt::Transition tw(msr), tb(bonds);
  CHECK_FALSE(known.inductive(tw, first.kept));
  known.keep_inductive(tw, first.kept);
  CHECK(known.inductive(tw, first.kept));
  CHECK(known.inductive(smt::Transition(written("example-msr-never-rewritten.json")), first.kept));
  CHECK_FALSE(known.inductive(tb, first.kept));
  CHECK_FALSE(known.inductive(to, first.kept));  // the last kept: the written one
  Problem premise = msr;                         // the same formula under a premise
  premise.invariants.front().premise = "the premise (true)";
  CHECK_FALSE(known.inductive(smt::Transition(premise), first.kept));
}
