#include <string>

#include "bounded_search.hpp"
#include "checker/report/text.hpp"
#include "lemma_proof.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

namespace {

/// The share of --timeout the facts get: at the default bounds they take 12 s on two
/// threads, and save more than that by depth 4.
constexpr double kBmcFactShare = 0.5;

/// "; the paths searched keep 19 facts proved first (12.3 s)"
std::string facts_used(const ProvedLemmas& facts) {
  if (facts.kept.none()) return "";
  return "; the paths searched keep " + std::to_string(facts.kept.count()) +
         " facts proved first (" + fixed(facts.seconds, 1) + " s" +
         (facts.reused ? kForAnEarlierEngine : "") + ")";
}

}  // namespace

Result BmcEngine::check(const Problem& pb) {
  z3::context ctx;
  Z3Scope scope(ctx);
  Deadline deadline(o_.timeout_seconds);
  Transition t(pb);
  const ProvedLemmas facts =
      prove_lemmas(t, o_.timeout_seconds, kBmcFactShare, o_.threads, o_.facts.get());
  BoundedSearch search(t, facts.kept);
  Result r;
  r.engine = name();
  while (search.depth() < o_.depth) {
    z3::check_result c = search.deepen(deadline);
    r.stats.depth = search.depth();
    r.stats.seconds = deadline.elapsed();
    if (c == z3::sat) {
      search.report(r);
      return r;
    }
    if (c == z3::unknown) {
      r.reason = deadline.unknown_reason(search.reason_unknown()) + " at depth " +
                 std::to_string(search.depth());
      r.stats.depth = search.depth() - 1;
      return r;
    }
    r.stats.depth_seconds.push_back(r.stats.seconds);
    if (o_.on_depth) o_.on_depth(search.depth(), r.stats.seconds);
  }
  r.reason = "no counterexample up to depth " + std::to_string(o_.depth) +
             " (bounded model checking proves nothing deeper; try kind or pdr)" + facts_used(facts);
  return r;
}

}  // namespace pasid::smt
