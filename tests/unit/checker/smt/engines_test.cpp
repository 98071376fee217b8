// The SMT engines against the explicit engine, at the smallest bounds that still have
// exec: same verdicts, and BMC's counterexample as short as BFS's.

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "checker/explicit/explorer.hpp"
#include "checker/smt/lemma_proof.hpp"
#include "checker/smt/smt_engine.hpp"
#include "checker/spec/spec.hpp"
#include "model/catalog.hpp"

using namespace pasid;

namespace {

/// 5.18 (with `mutant` planted, if any) at the smallest bounds that have exec.
Problem tiny(const char* mutant) {
  Problem pb;
  pb.bounds = {1, 1, 2, 1, 1, 1};  // threads, processes, mms, devices, files, pasids
  if (const DesignChange* m = find_change(mutants(), mutant)) m->apply(pb.design);
  pb.invariants = builtin_properties({"no_spurious_sigsegv"});  // B6
  return pb;
}

Problem only(Problem pb, const char* invariant) {
  pb.invariants = {builtin_property(find_invariant(invariant))};
  return pb;
}

}  // namespace

TEST_CASE("bmc finds the explicit engine's shortest counterexample, replayed") {
  // Every mutant the smallest bounds show: BMC's paths keep the facts proved first and,
  // past each depth it searched, the invariants; neither may cost it a shortest violation.
  int violated = 0;
  for (const auto& m : mutants()) {
    std::string mutant = m.name;
    CAPTURE(mutant);
    Problem pb = tiny(m.name);
    Result e = ExplicitEngine().check(pb);
    if (e.verdict != Verdict::violated) continue;
    ++violated;
    Result b = smt::BmcEngine().check(pb);
    REQUIRE(b.verdict == Verdict::violated);
    REQUIRE(b.counterexample);
    CHECK(b.counterexample->steps.size() == e.counterexample->steps.size());
    CHECK_FALSE(b.counterexample->broken.empty());  // shortest paths may break different ones
    CHECK(b.engine == "bmc");
  }
  CHECK(violated >= 5);
}

TEST_CASE("bmc says unknown, not holds, when it finds nothing within its depth") {
  smt::SmtOptions o;
  o.depth = 1;  // the mutant needs 2 steps
  Result r = smt::BmcEngine(o).check(tiny("free-on-last-unbind"));
  CHECK(r.verdict == Verdict::unknown);
  CHECK(r.reason.find("no counterexample up to depth 1") != std::string::npos);
  CHECK(r.reason.find("facts proved first") != std::string::npos);
  CHECK(r.stats.depth == 1);
}

TEST_CASE("k-induction proves what is inductive and reports how far it got otherwise") {
  smt::SmtOptions o;
  o.depth = 3;
  Result r = smt::KInductionEngine(o).check(only(tiny(""), "fresh_child"));
  CHECK(r.verdict == Verdict::holds);
  CHECK(r.proof.find("1-inductive") != std::string::npos);
  // unique_owner needs the bookkeeping lemmas (model/lemmas.hpp) to be inductive ...
  r = smt::KInductionEngine(o).check(only(tiny(""), "unique_owner"));
  CHECK(r.verdict == Verdict::holds);
  CHECK(r.proof.find("with counts_match, tasks_placed, owners_live") != std::string::npos);
  // ... which free-at-close does not keep: there the engine goes on without them (and
  // the explicit engine finds unique_owner broken deeper than 3 steps).
  r = smt::KInductionEngine(o).check(only(tiny("free-at-close"), "unique_owner"));
  CHECK(r.verdict == Verdict::unknown);
  CHECK(r.reason.find("k up to 3") != std::string::npos);
  r = smt::KInductionEngine(o).check(tiny("free-on-last-unbind"));
  CHECK(r.verdict == Verdict::violated);
  CHECK(r.counterexample->steps.size() == 2);
}

TEST_CASE("the SMT engines of one run prove the candidate facts once, for all of them") {
  smt::SmtOptions o;
  o.depth = 3;
  o.facts = std::make_shared<smt::KnownFacts>();
  Problem pb = only(tiny(""), "unique_owner");
  Result bmc = smt::BmcEngine(o).check(pb);
  CHECK(bmc.verdict == Verdict::unknown);  // no violation up to its depth
  CHECK(bmc.reason.find("for an engine before this one") == std::string::npos);
  Result kind = smt::KInductionEngine(o).check(pb);
  Result pdr = smt::PdrEngine(o).check(pb);
  for (const Result* r : {&kind, &pdr}) {
    CHECK(r->verdict == Verdict::holds);
    CHECK(r->proof.find("proved 1-inductive first, in ") != std::string::npos);
    CHECK(r->proof.find(", for an engine before this one)") != std::string::npos);
  }
  // kind's first step case found the invariant 1-inductive: pdr's first check is that answer.
  CHECK(pdr.proof.find("one per orbit, for an engine before this one), so Spacer's frames") !=
        std::string::npos);
  // The same proofs, each engine proving the facts itself.
  o.facts = nullptr;
  CHECK(smt::KInductionEngine(o).check(pb).proof.find("for an engine before") == std::string::npos);
  CHECK(smt::PdrEngine(o).check(pb).verdict == Verdict::holds);
}

TEST_CASE("k-induction's counterexample to induction: its steps, what breaks, replayed") {
  smt::SmtOptions o;
  o.depth = 1;
  // exec-keeps-msr breaks msr_matches_mm, but not within one step of the initial state.
  Problem pb = only(tiny("exec-keeps-msr"), "msr_matches_mm");
  Result r = smt::KInductionEngine(o).check(pb);
  REQUIRE(r.verdict == Verdict::unknown);
  REQUIRE(r.cti);
  const InductionCti& cti = *r.cti;
  REQUIRE(cti.states.size() == 2);
  CHECK(cti.states[0].size() == cti.states[1].size());
  REQUIRE(cti.steps.size() == 1);
  CHECK(cti.steps[0].rfind("exec(", 0) == 0);  // 5.18 keeps it: only the mutant's exec breaks it
  CHECK(cti.broken == std::vector<int>{0});
  // Replayed exactly when every PASID value names one allocator entry and every field is in
  // the explicit model's range (else the small pool cannot say the state).
  std::vector<int> entries;
  for (const auto& [id, v] : cti.states[0])
    if (std::string(id.field) == "value") entries.push_back(v);
  bool sayable = true;
  for (const auto& [id, v] : cti.states[0]) {
    std::string f = id.field;
    if (f == "value") continue;
    if (holds_pasid(id) && v != kNoPasid) {
      sayable = sayable && std::count(entries.begin(), entries.end(), v) == 1;
      continue;
    }
    auto [low, high] = field_range(id, pb.bounds);
    sayable = sayable && v >= low && v <= high;
  }
  CHECK(cti.replayed == sayable);
  // A proof has none.
  CHECK_FALSE(smt::KInductionEngine(o).check(only(tiny(""), "fresh_child")).cti);
}

TEST_CASE("pdr proves with an invariant over the model's fields, or finds the violation") {
  Result r = smt::PdrEngine().check(only(tiny(""), "pasid_in_range"));
  CHECK(r.verdict == Verdict::holds);
  CHECK(r.proof.find("inductive invariant") != std::string::npos);
  r = smt::PdrEngine().check(tiny("free-on-last-unbind"));
  CHECK(r.verdict == Verdict::violated);
  CHECK(r.counterexample->steps.size() == 2);
}

TEST_CASE("pdr's frames block only the rule instances that can break an invariant") {
  // 5.18's invariants with the facts are 1-inductive: IC3's first check leaves Spacer
  // nothing to block.
  Result r = smt::PdrEngine().check(only(tiny(""), "unique_owner"));
  CHECK(r.verdict == Verdict::holds);
  CHECK(r.proof.find("no step breaks an invariant") != std::string::npos);
  CHECK(r.proof.find("Spacer's frames needed no lemma:\n  true\n") != std::string::npos);
  // The 2020 design's are not (kind needs k = 7 for all of them): from states no step
  // reaches, some instances (2) break unique_owner, and Spacer's invariant rules those
  // states out.
  Problem pb = only(tiny(""), "unique_owner");
  pb.design = Design{};
  find_change(variants(), "v5.10")->apply(pb.design);
  r = smt::PdrEngine().check(pb);
  CHECK(r.verdict == Verdict::holds);
  CHECK(r.proof.find(" of 19 rule instances, one per orbit, can break") != std::string::npos);
  CHECK(r.proof.find("\n  true\n") == std::string::npos);
}

TEST_CASE("an initial state that breaks an invariant: a violation of length 0, at depth 0") {
  Problem pb = read_spec(PASIDCHECK_SOURCE_DIR "/specs/smt/written-initial-only-tiny.json").problem;
  std::vector<std::unique_ptr<Engine>> engines;
  engines.push_back(std::make_unique<smt::BmcEngine>());
  engines.push_back(std::make_unique<smt::KInductionEngine>());
  engines.push_back(std::make_unique<smt::PdrEngine>());
  for (const auto& e : engines) {
    std::string name = e->name();
    CAPTURE(name);
    Result r = e->check(pb);
    REQUIRE(r.verdict == Verdict::violated);
    CHECK(r.counterexample->steps.empty());
    if (name != "pdr") CHECK(r.stats.depth == 0);  // pdr's is Spacer's level
  }
}

TEST_CASE("a solver time-out is unknown with its reason, never a pass") {
  smt::SmtOptions o;
  o.timeout_seconds = 0.001;
  Problem pb;  // the default bounds: far more than a millisecond's work
  pb.invariants = {builtin_property(find_invariant("unique_owner"))};
  std::vector<std::unique_ptr<Engine>> engines;
  engines.push_back(std::make_unique<smt::BmcEngine>(o));
  engines.push_back(std::make_unique<smt::KInductionEngine>(o));
  engines.push_back(std::make_unique<smt::PdrEngine>(o));
  for (const auto& e : engines) {
    Result r = e->check(pb);
    CAPTURE(e->name());
    CHECK(r.verdict == Verdict::unknown);
    CHECK(r.reason.find("time-out") != std::string::npos);
  }
  // pdr's deadline passes before Spacer starts: the reason says in which phase.
  CHECK(engines.back()->check(pb).reason ==
        "time-out after 0 s in IC3's first check (which rule instances can break an invariant)");
}
