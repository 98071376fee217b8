#include "by_instance.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

#include "checker/explicit/instances.hpp"

namespace pasid::smt {

namespace {

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

/// A query: one instance's step, in the cases sides[j] of its first splits (a prefix of
/// group_cases; none at first).
struct Case {
  std::size_t instance;
  std::vector<bool> sides;
};

/// One thread's solver and terms, in its own context: the state x, and the query of the
/// instance it asked last (the cases of one instance mostly follow each other).
class Asker {
 public:
  Asker(const Transition& t, const StepQuestion& q)
      : t_(t),
        q_(q),
        x_(fresh_state(t.problem().bounds, t.problem().design, q.tag)),
        s_(z3_context()),
        p_(int_constant("pasid@one")) {
    s_.add(q.assumed(x_));
  }

  /// Asks case c, with a budget of q.try_work if it can be split further.  Sets `last` to
  /// whether it cannot.  Each side of c is asserted in a scope of its own, and the scopes
  /// of the sides c shares with the case asked before are kept: asked depth first, a case
  /// keeps what Z3 learned asking the cases that it halves.
  z3::check_result check(const Case& c, const Deadline& deadline, bool& last) {
    load(c.instance);
    last = c.sides.size() == splits_.size();
    auto kept = static_cast<std::size_t>(
        std::mismatch(sides_.begin(), sides_.end(), c.sides.begin(), c.sides.end()).first -
        sides_.begin());
    if (kept < sides_.size()) s_.pop(static_cast<unsigned>(sides_.size() - kept));
    sides_.resize(kept);
    for (std::size_t j = kept; j < c.sides.size(); ++j) {
      s_.push();
      s_.add(c.sides[j] ? splits_[j] : !splits_[j]);
      sides_.push_back(c.sides[j]);
    }
    deadline.arm(z3_context(), s_);
    z3::params work(z3_context());
    work.set("rlimit", last ? 0u : q_.try_work);
    s_.set(work);
    z3::check_result r = s_.check();
    if (r == z3::sat) witness_.emplace(s_.get_model());
    return r;
  }

  const z3::model& witness() const { return *witness_; }
  const SymState& post() const { return post_; }

 private:
  const Transition& t_;
  const StepQuestion& q_;
  SymState x_;
  z3::solver s_;
  z3::expr p_;
  static constexpr std::size_t kNoInstance = ~std::size_t{0};
  std::size_t instance_ = kNoInstance;
  SymState post_;
  std::vector<z3::expr> splits_;
  std::vector<bool> sides_;  // of the case asked last, each in a scope
  std::optional<z3::model> witness_;

  /// Asserts instance i's query in a scope of its own, unless it is there already: its
  /// cases then share what Z3 made of it (its clauses, and what it learned asking them).
  void load(std::size_t i) {
    if (i == instance_) return;
    if (instance_ != kNoInstance) s_.pop(static_cast<unsigned>(sides_.size() + 1));
    sides_.clear();
    Log<Z3Domain> log;
    z3::expr guard = t_.fire_one(x_, i, p_, post_, log);
    s_.push();
    s_.add(guard && q_.bad(x_, post_, log));
    splits_ = group_cases(t_.problem().bounds, x_, t_.instances()[i]);
    instance_ = i;
  }
};

/// One question asked by several threads.  The instances are asked in order, one per
/// orbit; a case Z3 cannot tell within q.try_work is replaced by its two halves on the next
/// split, on the stack of the thread that asked it (true on top), which asks its own stack
/// depth first.  A thread with nothing left takes the next instance, or else the oldest
/// case on another's stack (the largest).  On one thread this is the order of a
/// depth-first search.  Unsat when every case asked is; the first other answer stops every
/// thread.
class Asking {
 public:
  /// `every`: a bad step found stops only the asking about its instance, whose other
  /// cases are skipped, and bad() lists the instances found.
  Asking(const Transition& t, const StepQuestion& q, const Deadline& deadline, int threads,
         bool every)
      : t_(t),
        q_(q),
        deadline_(deadline),
        todo_(one_per_orbit(t)),
        every_(every),
        stacks_(static_cast<std::size_t>(threads)),
        pending_(todo_.size()) {}

  /// Asks cases on the calling thread (number `me`), in a context of its own, until none
  /// is left.
  void run(std::size_t me) {
    z3::context ctx;
    Z3Scope scope(ctx);
    enter(ctx);
    try {
      Asker asker(t_, q_);
      for (std::optional<Case> c = take(me); c; c = take(me)) {
        bool last = false;
        z3::check_result r = asker.check(*c, deadline_, last);
        answer(me, asker, *c, r, last);
      }
    } catch (...) {  // not one of an interrupted thread: its answer is the one it stopped for
      std::lock_guard lock(m_);
      if (!stopped_) error_ = std::current_exception();
      stop(ctx);
    }
    std::lock_guard lock(m_);
    std::erase(asking_, &ctx);
  }

  /// What the threads found; rethrows what one of them threw.
  z3::check_result result() const {
    if (error_) std::rethrow_exception(error_);
    return result_;
  }
  const std::vector<std::size_t>& bad() const { return bad_; }

 private:
  const Transition& t_;
  const StepQuestion& q_;
  const Deadline& deadline_;
  const std::vector<std::size_t> todo_;
  const bool every_;
  std::mutex m_;  // guards what follows
  std::condition_variable changed_;
  std::size_t next_ = 0;                  // in todo_
  std::vector<std::deque<Case>> stacks_;  // per thread; the top at the back
  std::size_t pending_;                   // cases not yet answered, in todo_ or a stack or asked
  bool stopped_ = false;
  z3::check_result result_ = z3::unsat;
  std::exception_ptr error_;
  std::vector<z3::context*> asking_;  // the threads' contexts, to interrupt
  std::vector<std::size_t> bad_;      // with every_: the instances with a bad step

  void enter(z3::context& ctx) {
    std::lock_guard lock(m_);
    asking_.push_back(&ctx);
  }

  /// The next case for thread `me`; none when all are answered or the threads stop.
  /// Skips the cases of an instance already found bad.
  std::optional<Case> take(std::size_t me) {
    std::unique_lock lock(m_);
    for (;;) {
      std::deque<Case>* from = nullptr;
      changed_.wait(lock, [&] {
        if (stopped_ || pending_ == 0 || next_ < todo_.size()) return true;
        from = &stacks_[me];
        for (std::size_t k = 0; k < stacks_.size() && from->empty(); ++k) from = &stacks_[k];
        return !from->empty();
      });
      if (stopped_ || pending_ == 0) return std::nullopt;
      Case c = !stacks_[me].empty()   ? pop(stacks_[me], false)
               : next_ < todo_.size() ? Case{todo_[next_++], {}}
                                      : pop(*from, true);
      if (std::find(bad_.begin(), bad_.end(), c.instance) == bad_.end()) return c;
      --pending_;
      changed_.notify_all();
    }
  }

  static Case pop(std::deque<Case>& stack, bool oldest) {
    Case c = std::move(oldest ? stack.front() : stack.back());
    oldest ? stack.pop_front() : stack.pop_back();
    return c;
  }

  /// Records thread me's answer r to case c.
  void answer(std::size_t me, const Asker& asker, const Case& c, z3::check_result r, bool last) {
    std::lock_guard lock(m_);
    --pending_;
    changed_.notify_all();
    if (stopped_ || r == z3::unsat) return;  // stopped: perhaps interrupted by another answer
    if (r == z3::unknown && !last && !deadline_.expired()) {
      for (bool side : {false, true}) {
        stacks_[me].push_back(c);
        stacks_[me].back().sides.push_back(side);
      }
      pending_ += 2;
      return;
    }
    if (r == z3::sat && every_) {  // another thread may have found the instance bad first
      if (std::find(bad_.begin(), bad_.end(), c.instance) != bad_.end()) return;
      bad_.push_back(c.instance);
      q_.found(asker.witness(), asker.post());
      return;
    }
    if (r == z3::sat) q_.found(asker.witness(), asker.post());
    result_ = r;
    stop(z3_context());
  }

  /// Stops every thread (m_ held): the others' solvers are interrupted.
  void stop(const z3::context& own) {
    stopped_ = true;
    changed_.notify_all();
    for (z3::context* c : asking_)
      if (c != &own) c->interrupt();
  }
};

}  // namespace

StepQuestion induction_step(const Transition& t, Candidates lemmas) {
  StepQuestion q;
  q.tag = "s";
  q.assumed = [&t, lemmas](const SymState& x) {
    return t.state_property(x) && t.lemmas(x, lemmas);
  };
  q.bad = [&t, lemmas](const SymState& x, const SymState& post, const Log<Z3Domain>& log) {
    return t.lemmas(post, lemmas) && !t.property(x, log, post, false);
  };
  q.found = [](const z3::model&, const SymState&) {};
  return q;
}

std::vector<std::size_t> one_per_orbit(const Transition& t) {
  std::vector<std::size_t> out;
  std::set<std::vector<int>> orbits;
  for (std::size_t i = 0; i < t.instances().size(); ++i) {
    std::vector<int> orbit = orbit_key(t.instances()[i]);
    if (orbit.empty() || orbits.insert(orbit).second) out.push_back(i);
  }
  return out;
}

namespace {

/// Asks q on `threads` threads (see Asking).
z3::check_result ask(Asking& asking, int threads) {
  {
    std::vector<std::jthread> helpers;
    for (int j = 1; j < threads; ++j)
      helpers.emplace_back([&asking, j] { asking.run(static_cast<std::size_t>(j)); });
    asking.run(0);
  }  // joins
  return asking.result();
}

}  // namespace

z3::check_result any_bad_step(const Transition& t, const StepQuestion& q, const Deadline& deadline,
                              int threads) {
  Asking asking(t, q, deadline, threads, false);
  return ask(asking, threads);
}

std::optional<std::vector<std::size_t>> bad_instances(const Transition& t, const StepQuestion& q,
                                                      const Deadline& deadline, int threads) {
  Asking asking(t, q, deadline, threads, true);
  if (ask(asking, threads) == z3::unknown) return std::nullopt;
  std::vector<std::size_t> bad = asking.bad();
  std::sort(bad.begin(), bad.end());
  return bad;
}

}  // namespace pasid::smt
