// One step asked one rule instance at a time (checker/smt/by_instance.hpp): split into
// cases and shared out among threads, a question gets the answer it gets whole on one.

#include <doctest/doctest.h>

#include <atomic>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "checker/smt/by_instance.hpp"

using namespace pasid;

namespace {

/// "Can a step from a state keeping every candidate fact break one?", as the lemma proof
/// asks it first: unsat for a design that keeps them all.
smt::StepQuestion breaks_a_fact(const smt::Transition& t) {
  smt::StepQuestion q;
  q.tag = "q";
  q.assumed = [&t](const smt::SymState& x) { return t.lemmas(x, smt::state_candidates()); };
  q.bad = [&t](const smt::SymState&, const smt::SymState& post, const Log<smt::Z3Domain>&) {
    return !t.lemmas(post, smt::state_candidates());
  };
  return q;
}

/// A question about steps from any state at all; its `bad` and `found` are the caller's.
smt::StepQuestion from_any_state() {
  smt::StepQuestion q;
  q.tag = "q";
  q.assumed = [](const smt::SymState&) { return smt::z3_context().bool_val(true); };
  return q;
}

struct Answer {
  z3::check_result result;
  int found = 0;        ///< calls of found()
  bool breaks = false;  ///< the step found breaks a fact in its model
};

Answer ask(const Problem& pb, int threads, unsigned try_work) {
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  smt::Transition t(pb);
  smt::StepQuestion q = breaks_a_fact(t);
  q.try_work = try_work;
  Answer a;
  std::atomic<int> found{0};
  q.found = [&](const z3::model& model, const smt::SymState& post) {
    ++found;
    a.breaks = model.eval(!t.lemmas(post, smt::state_candidates()), true).is_true();
  };
  a.result = smt::any_bad_step(t, q, smt::Deadline(120), threads);
  a.found = found;
  return a;
}

}  // namespace

TEST_CASE("any_bad_step: split to its last case and on three threads, the same answer") {
  int sat = 0, unsat = 0;
  auto check = [&](const DesignChange& change) {
    std::string name = change.name;
    CAPTURE(name);
    Problem pb;
    pb.bounds = {1, 1, 2, 1, 1, 1};  // threads, processes, mms, devices, files, pasids
    change.apply(pb.design);
    Answer whole = ask(pb, 1, 2'000'000);
    // A budget of one unit: every case with an actor is split until no split is left, and
    // the threads take cases from each other's stacks.
    Answer split = ask(pb, 3, 1);
    REQUIRE(whole.result != z3::unknown);
    CHECK(split.result == whole.result);
    for (const Answer& a : {whole, split}) {
      CHECK(a.found == (a.result == z3::sat ? 1 : 0));
      CHECK(a.breaks == (a.result == z3::sat));
    }
    (whole.result == z3::sat ? sat : unsat)++;
  };
  for (const auto& v : variants()) check(v);
  for (const auto& m : mutants()) check(m);
  CHECK(sat > 0);  // the question is not trivial either way
  CHECK(unsat > 0);
}

TEST_CASE("any_bad_step: a bad step only in the last of its cases is found, split or not") {
  // Thread 0 is the actor of some steps, which split on "it runs on mm 0" and "thread 1 is
  // in its process": the bad states are those where neither holds.
  Problem pb;
  pb.bounds = {2, 2, 2, 1, 1, 1};
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  smt::Transition t(pb);
  smt::StepQuestion q = from_any_state();
  q.bad = [&pb](const smt::SymState& x, const smt::SymState&, const Log<smt::Z3Domain>&) {
    return (x.threads[0].alive && x.threads[1].alive && mm_of(x, pb.bounds, 0) == 1 &&
            !in_process(x, 1, x.threads[0].proc))
        .expr();
  };
  int found = 0;
  q.found = [&](const z3::model&, const smt::SymState&) { ++found; };
  for (const auto& run : {std::pair{1, 2'000'000u}, {1, 1u}, {3, 1u}}) {
    int threads = run.first;  // not a structured binding: clang's CAPTURE cannot read one
    CAPTURE(threads);
    CAPTURE(run.second);
    q.try_work = run.second;
    found = 0;
    CHECK(smt::any_bad_step(t, q, smt::Deadline(60), threads) == z3::sat);
    CHECK(found == 1);
  }
}

TEST_CASE("any_bad_step: what found() throws on a helper thread reaches the caller") {
  Problem pb;
  pb.bounds = {1, 1, 2, 1, 1, 1};
  z3::context ctx;
  smt::Z3Scope scope(ctx);
  smt::Transition t(pb);
  smt::StepQuestion q = from_any_state();
  q.bad = [](const smt::SymState&, const smt::SymState&, const Log<smt::Z3Domain>&) {
    return smt::z3_context().bool_val(true);
  };
  q.found = [](const z3::model&, const smt::SymState&) { throw std::runtime_error("found"); };
  for (int threads : {1, 2, 3}) {
    CAPTURE(threads);
    CHECK_THROWS_WITH_AS(smt::any_bad_step(t, q, smt::Deadline(60), threads), "found",
                         std::runtime_error);
  }
}

namespace {

/// The orbits' instances with a step q calls bad, each asked whole of one solver.
std::vector<std::size_t> bad_one_by_one(const smt::Transition& t, const smt::StepQuestion& q) {
  std::vector<std::size_t> bad;
  smt::SymState x = smt::fresh_state(t.problem().bounds, t.problem().design, "w");
  z3::expr p = smt::int_constant("pasid@w");
  z3::solver s(smt::z3_context());
  s.add(q.assumed(x));
  for (std::size_t i : smt::one_per_orbit(t)) {
    smt::SymState post;
    Log<smt::Z3Domain> log;
    z3::expr guard = t.fire_one(x, i, p, post, log);
    s.push();
    s.add(guard && q.bad(x, post, log));
    if (s.check() == z3::sat) bad.push_back(i);
    s.pop();
  }
  return bad;
}

}  // namespace

TEST_CASE("bad_instances: each orbit's instance with a bad step, split or not, on any threads") {
  int some = 0, none = 0;
  auto check = [&](const DesignChange& change) {
    std::string name = change.name;
    CAPTURE(name);
    Problem pb;
    pb.bounds = {1, 1, 2, 1, 1, 1};
    change.apply(pb.design);
    z3::context ctx;
    smt::Z3Scope scope(ctx);
    smt::Transition t(pb);
    smt::StepQuestion q = breaks_a_fact(t);
    std::atomic<int> found{0};
    q.found = [&](const z3::model&, const smt::SymState&) { ++found; };
    const std::vector<std::size_t> truth = bad_one_by_one(t, q);
    for (const auto& run : {std::pair{1, 2'000'000u}, {3, 1u}}) {
      int threads = run.first;  // not a structured binding: clang's CAPTURE cannot read one
      CAPTURE(threads);
      q.try_work = run.second;
      found = 0;
      std::optional<std::vector<std::size_t>> bad =
          smt::bad_instances(t, q, smt::Deadline(120), threads);
      REQUIRE(bad);
      CHECK(*bad == truth);
      CHECK(found == static_cast<int>(truth.size()));  // once per bad instance
    }
    CHECK(truth.empty() == (smt::any_bad_step(t, q, smt::Deadline(120), 1) == z3::unsat));
    (truth.empty() ? none : some)++;
  };
  for (const auto& v : variants()) check(v);  // the mutants too took 11 s
  CHECK(some > 0);
  CHECK(none > 0);
}
