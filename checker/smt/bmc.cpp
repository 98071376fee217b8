#include "bounded_search.hpp"
#include "smt_engine.hpp"

namespace pasid::smt {

Result BmcEngine::check(const Problem& pb) {
  z3::context ctx;
  Z3Scope scope(ctx);
  Deadline deadline(o_.timeout_seconds);
  Transition t(pb);
  BoundedSearch search(t);
  Result r;
  r.engine = name();
  while (search.depth() < o_.depth) {
    z3::check_result c = search.deepen(deadline);
    r.stats.depth = search.depth();
    r.stats.seconds = deadline.elapsed();
    if (c == z3::sat) {
      r.verdict = Verdict::violated;
      r.counterexample = search.counterexample();
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
             " (bounded model checking proves nothing deeper; try kind or pdr)";
  return r;
}

}  // namespace pasid::smt
