#include "by_instance.hpp"

#include <set>

#include "checker/explicit/instances.hpp"

namespace pasid::smt {

namespace {

/// How much work (Z3's resource units) a query is given whole before it is split into
/// cases: about half a second on the development machine.  A count, not a time, so that
/// which queries are split, and so the time the whole proof takes, does not depend on how
/// busy the machine is (with 0.5 s the same lemma proof took 22 to 53 s).
constexpr unsigned kTryWork = 2'000'000;

/// Whether the solver's assertions are satisfiable (the model in `witness`).  Tried whole
/// with kTryWork; if Z3 cannot tell by then, split on splits[next] (true, then false) and
/// each case asked the same way.  The cases cover every state: unsat in each is unsat
/// whole, and sat in one is sat.
z3::check_result decide(z3::solver& s, const std::vector<z3::expr>& splits, std::size_t next,
                        const Deadline& deadline, std::optional<z3::model>& witness) {
  bool last = next == splits.size();
  deadline.arm(z3_context(), s);
  z3::params work(z3_context());
  work.set("rlimit", last ? 0u : kTryWork);
  s.set(work);
  z3::check_result r = s.check();
  if (r == z3::sat) witness.emplace(s.get_model());
  if (r != z3::unknown || last || deadline.expired()) return r;
  z3::check_result whole = z3::unsat;
  for (bool side : {true, false}) {
    s.push();
    s.add(side ? splits[next] : !splits[next]);
    z3::check_result one = decide(s, splits, next + 1, deadline, witness);
    s.pop();
    if (one == z3::sat) return z3::sat;
    if (one == z3::unknown) whole = z3::unknown;
  }
  return whole;
}

/// The cases a step of instance `in` from x splits into when it is slow: which mm the
/// actor runs on, and whether each other thread lives in its process.  A SIGSEGV or an
/// exit tears down the whole group and maybe its mm, and Z3 handles each case far better
/// on its own: at the default bounds, 3 s a case where the whole took 80.
std::vector<z3::expr> group_cases(const Bounds& b, const SymState& x, const Instance& in) {
  std::vector<z3::expr> cases;
  int actor = in.args.thread;
  if (actor == kNone) return cases;
  for (int m = 0; m + 1 < b.mms; ++m) cases.push_back((mm_of(x, b, actor) == m).expr());
  const Term& group = x.threads[static_cast<unsigned>(actor)].proc;
  for (int j = 0; j < b.threads; ++j)
    if (j != actor) cases.push_back(in_process(x, j, group).expr());
  return cases;
}

}  // namespace

z3::check_result any_bad_step(const Transition& t, const SymState& x, const z3::expr& assumed,
                              const BadStep& bad, const OnBadStep& found,
                              const Deadline& deadline) {
  z3::solver s(z3_context());
  s.add(assumed);
  z3::expr p = int_constant("pasid@one");
  std::set<std::vector<int>> orbits;
  for (std::size_t i = 0; i < t.instances().size(); ++i) {
    std::vector<int> orbit = orbit_key(t.instances()[i]);
    if (!orbit.empty() && !orbits.insert(orbit).second) continue;
    SymState post;
    Log<Z3Domain> log;
    z3::expr guard = t.fire_one(x, i, p, post, log);
    s.push();
    s.add(guard && bad(post, log));
    std::optional<z3::model> witness;
    z3::check_result r =
        decide(s, group_cases(t.problem().bounds, x, t.instances()[i]), 0, deadline, witness);
    s.pop();
    if (r == z3::sat) found(*witness, post);
    if (r != z3::unsat) return r;
  }
  return z3::unsat;
}

}  // namespace pasid::smt
