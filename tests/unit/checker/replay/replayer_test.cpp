// The replayer, fed kernel actions directly: what it explains, binds and counts, where it
// says the kernel left the model, and when an invariant breaks on every explanation.

#include "checker/replay/replayer.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <utility>

#include "checker/error.hpp"
#include "checker/replay/run.hpp"
#include "model/catalog.hpp"

using namespace pasid;
using namespace pasid::replay;

namespace {

constexpr std::int64_t kFork = 0x1200000, kThread = 0x3d0f00;

/// Replays `events` (numbered from line 1) against `variant` + `mutants`, twice side by
/// side: stepping copies of each explanation, and stepping a lone one in place.  Both must
/// agree on every line; a line the second cannot explain leaves it to the first to say why.
class Run {
 public:
  explicit Run(const char* variant = "v5.18", std::initializer_list<const char*> muts = {}) {
    find_change(variants(), variant)->apply(design_);
    for (const char* m : muts) find_change(mutants(), m)->apply(design_);
    pb_ = replay_problem(design_);
    ReplayOptions o{0, {rule_index<GpFixup>()}, true, "t"};
    replayer_ = std::make_unique<Replayer>(pb_, o);
    o.record = false;
    o.in_place = true;
    in_place_ = std::make_unique<Replayer>(pb_, o);
  }
  /// Feeds one action of `task`; false once the verdict is not "conforms".
  bool operator()(std::int64_t task, Act act,
                  std::initializer_list<std::pair<Arg, std::int64_t>> args = {}) {
    TraceEvent e;
    e.line = ++line_;
    e.task = task;
    e.act = act;
    for (auto [a, v] : args) e.set(a, v);
    bool going = replayer_->feed(e);
    CHECK(in_place_->feed(e) == going);
    return going;
  }
  ReplayResult finish() {
    ReplayResult r = replayer_->finish(), q = in_place_->finish();
    CHECK(q.verdict == r.verdict);
    CHECK(q.line == r.line);
    CHECK(q.invariant == r.invariant);
    CHECK(q.events == r.events);
    CHECK(q.ignored == r.ignored);
    if (q.retrace) {
      CHECK(q.message.empty());
      CHECK(r.verdict == ReplayVerdict::diverges);
    } else {
      CHECK(q.message == r.message);
      CHECK(q.steps == r.steps);
      CHECK(q.observations == r.observations);
    }
    return r;
  }
  const Problem& problem() const { return pb_; }

 private:
  Design design_;
  Problem pb_;
  std::unique_ptr<Replayer> replayer_, in_place_;
  std::int64_t line_ = 0;
};

std::string broken(const Run& run, const ReplayResult& r) {
  return r.invariant < 0 ? "" : run.problem().invariants[static_cast<unsigned>(r.invariant)].name;
}

}  // namespace

TEST_CASE("replay: fork, exec and exits of a workload conform; other tasks are ignored") {
  Run run;
  CHECK(run(1, Act::task_new, {{Arg::child, 2}, {Arg::flags, kFork}}));
  CHECK(run(2, Act::mm_release, {{Arg::mm, 0x1000}}));
  CHECK(run(2, Act::mm_drop, {{Arg::mm, 0x1000}}));  // before the exec line: waits for it
  CHECK(run(2, Act::exec, {{Arg::pid, 2}, {Arg::old_pid, 2}}));
  CHECK(run(99, Act::close, {{Arg::fd, 3}}));  // not in the workload
  CHECK(run(2, Act::task_new, {{Arg::child, 3}, {Arg::flags, kThread}}));
  CHECK(run(3, Act::exit));
  CHECK(run(2, Act::exit));
  ReplayResult r = run.finish();
  CHECK(r.verdict == ReplayVerdict::conforms);
  CHECK(r.steps == 5);
  CHECK(r.observations == 1);
  CHECK(r.ignored == 1);
  CHECK(r.path.size() == 5);
  CHECK(r.path_lines == std::vector<std::int64_t>{1, 4, 6, 7, 8});
}

TEST_CASE("replay: each model unbind explains one kernel unbind line, in any order") {
  Run run;
  CHECK(run(1, Act::bind, {{Arg::dev, 7}}));
  CHECK(run(1, Act::open_ret, {{Arg::fd, 3}}));
  CHECK(run(1, Act::bind, {{Arg::dev, 7}}));
  CHECK(run(1, Act::open_ret, {{Arg::fd, 4}}));
  CHECK(run(1, Act::close, {{Arg::fd, 3}}));
  CHECK(run(1, Act::close, {{Arg::fd, 4}}));
  CHECK(run(1, Act::unbind));
  CHECK(run(1, Act::unbind));
  ReplayResult r = run.finish();
  CHECK(r.verdict == ReplayVerdict::conforms);
  CHECK(r.observations == 2);
  Run extra;  // a third unbind has no model step behind it
  for (auto fd : {3, 4}) {
    extra(1, Act::bind, {{Arg::dev, 7}});
    extra(1, Act::open_ret, {{Arg::fd, fd}});
    extra(1, Act::close, {{Arg::fd, fd}});
  }
  extra(1, Act::unbind);
  extra(1, Act::unbind);
  extra(1, Act::unbind);
  r = extra.finish();
  CHECK(r.verdict == ReplayVerdict::diverges);
  CHECK(r.line == 9);
  CHECK(r.message == "the trace shows an unbind by pid 1, and no model step does it");
}

TEST_CASE(
    "replay: a PASID freed where the design does not free it diverges; the design that "
    "frees it there violates") {
  auto trace = [](Run& run) {
    run(1, Act::bind, {{Arg::dev, 7}, {Arg::pasid, 5}});
    run(1, Act::open_ret, {{Arg::fd, 3}});
    run(1, Act::close, {{Arg::fd, 3}});
    run(1, Act::pasid_free, {{Arg::pasid, 5}});
    return run.finish();
  };
  Run fixed;
  ReplayResult r = trace(fixed);
  CHECK(r.verdict == ReplayVerdict::diverges);
  CHECK(r.line == 4);
  CHECK(r.message == "the trace shows PASID 5 freed by pid 1, and no model step does it");
  Run mutant("v5.18", {"free-at-close"});
  r = trace(mutant);
  CHECK(r.verdict == ReplayVerdict::violates);
  CHECK(r.line == 3);
  CHECK(broken(mutant, r) == "free_only_at_mm_exit");
}

TEST_CASE("replay: a free printed before the step that does it waits for that task's step") {
  Run merge("v5.18-merge");  // frees the PASID in __mmput, which exec's mmput runs
  CHECK(merge(1, Act::bind, {{Arg::pasid, 5}}));
  CHECK(merge(1, Act::open_ret, {{Arg::fd, 3}}));
  CHECK(merge(1, Act::pasid_free, {{Arg::pasid, 5}}));
  CHECK_FALSE(merge(1, Act::exec));
  ReplayResult r = merge.finish();
  CHECK(r.verdict == ReplayVerdict::violates);
  CHECK(r.line == 4);
  Run fixed;  // 5.18 keeps the PASID: the exec does not explain the free
  fixed(1, Act::bind, {{Arg::pasid, 5}});
  fixed(1, Act::open_ret, {{Arg::fd, 3}});
  fixed(1, Act::pasid_free, {{Arg::pasid, 5}});
  CHECK_FALSE(fixed(1, Act::exec));
  r = fixed.finish();
  CHECK(r.verdict == ReplayVerdict::diverges);
  CHECK(r.line == 4);
  CHECK(r.message.find("line 3 shows PASID 5 freed by pid 1, and this task's next model step "
                       "does not do it") != std::string::npos);
}

TEST_CASE("replay: de_thread, and pids that come back") {
  Run run;
  run(1, Act::task_new, {{Arg::child, 10}, {Arg::flags, kFork}});
  run(10, Act::task_new, {{Arg::child, 11}, {Arg::flags, kThread}});
  run(10, Act::exit);                                               // the leader goes first
  CHECK(run(11, Act::exec, {{Arg::pid, 10}, {Arg::old_pid, 11}}));  // and 11 takes its pid
  CHECK(run(10, Act::task_new, {{Arg::child, 11}, {Arg::flags, kThread}}));  // 11 is free again
  CHECK(run(11, Act::exit));
  CHECK(run(10, Act::exit));
  CHECK(run.finish().verdict == ReplayVerdict::conforms);
  Run twice;
  twice(1, Act::task_new, {{Arg::child, 10}, {Arg::flags, kFork}});
  CHECK_THROWS_AS(twice(1, Act::task_new, {{Arg::child, 10}, {Arg::flags, kFork}}), InputError);
}

TEST_CASE("replay: SIGSEGV kills the group in the model; the exit lines that follow conform") {
  Run run;
  run(1, Act::task_new, {{Arg::child, 2}, {Arg::flags, kThread}});
  run(1, Act::exec);  // de_thread: 2 goes in the model before its exit line
  CHECK(run(2, Act::exit));
  CHECK(run(1, Act::sigsegv));  // no portal: not an ENQCMD fault, ignored
  CHECK(run.finish().verdict == ReplayVerdict::conforms);
}

TEST_CASE("replay: mm pointers must stay consistent") {
  Run run;
  run(1, Act::task_new, {{Arg::child, 2}, {Arg::flags, kThread}});
  CHECK(run(2, Act::mm_release, {{Arg::mm, 0xa000}}));
  run(2, Act::exit);
  CHECK_FALSE(run(1, Act::mm_release, {{Arg::mm, 0xb000}}));  // the same mm, another pointer
  ReplayResult r = run.finish();
  CHECK(r.verdict == ReplayVerdict::diverges);
  CHECK(r.line == 4);
  CHECK(r.message.find("an earlier line named this task's mm") != std::string::npos);
  Run reuse;  // a live mm's pointer named as another task's mm: the kernel freed it early
  reuse(1, Act::task_new, {{Arg::child, 2}, {Arg::flags, kFork}});
  reuse(1, Act::mm_release, {{Arg::mm, 0xa000}});
  CHECK_FALSE(reuse(2, Act::mm_release, {{Arg::mm, 0xa000}}));
  CHECK(reuse.finish().message.find("the model's live mm m0") != std::string::npos);
}

TEST_CASE("replay: a choice left open by the design is decided by a later line") {
  // alloc-in-use may hand the second mm either PASID: only PASID 1 (in use) breaks
  // unique_owner, so the replay waits for the line that prints which one it was.
  auto trace = [](Run& run, std::int64_t second) {
    run(1, Act::bind, {{Arg::dev, 7}});
    run(1, Act::pasid, {{Arg::pasid, 1}});
    run(1, Act::task_new, {{Arg::child, 2}, {Arg::flags, kFork}});
    run(2, Act::bind, {{Arg::dev, 7}});
    if (second) run(2, Act::pasid, {{Arg::pasid, second}});
    return run.finish();
  };
  Run undecided("v5.18", {"alloc-in-use"});
  CHECK(trace(undecided, 0).verdict == ReplayVerdict::conforms);
  Run other("v5.18", {"alloc-in-use"});
  CHECK(trace(other, 2).verdict == ReplayVerdict::conforms);
  Run same("v5.18", {"alloc-in-use"});
  ReplayResult r = trace(same, 1);
  CHECK(r.verdict == ReplayVerdict::violates);
  CHECK(r.line == 4);
  CHECK(r.path.size() == 3);  // the path stops at the step that broke it
}

TEST_CASE("replay: a #GP fixup the trace does not show is inserted before a submission") {
  Run run;
  run(1, Act::bind, {{Arg::dev, 7}, {Arg::pasid, 3}});
  run(1, Act::open_ret, {{Arg::fd, 4}});
  run(1, Act::mmap, {{Arg::fd, 4}});
  run(1, Act::mmap_ret, {{Arg::addr, 0x7000}});
  CHECK(run(1, Act::enqcmd));
  CHECK(run(1, Act::enqcmd));
  ReplayResult r = run.finish();
  CHECK(r.verdict == ReplayVerdict::conforms);
  CHECK(r.steps == 5);  // open, mmap, fixup, enqcmd, enqcmd
  Run shown;            // an MSR write with another PASID than the bind printed
  shown(1, Act::bind, {{Arg::dev, 7}, {Arg::pasid, 3}});
  shown(1, Act::open_ret, {{Arg::fd, 4}});
  shown(1, Act::mmap, {{Arg::fd, 4}});
  shown(1, Act::mmap_ret, {{Arg::addr, 0x7000}});
  CHECK_FALSE(shown(1, Act::msr_write, {{Arg::value, 0x80000004}}));
}

TEST_CASE("replay: the workload's first task is the first line's that is not idle") {
  Run run;
  CHECK(run(0, Act::mm_drop, {{Arg::mm, 0x1000}}));  // softirq context of <idle>-0
  CHECK(run(7, Act::task_new, {{Arg::child, 8}, {Arg::flags, kFork}}));
  CHECK(run(8, Act::exit));
  ReplayResult r = run.finish();
  CHECK(r.verdict == ReplayVerdict::conforms);
  CHECK(r.steps == 2);
}

TEST_CASE("replay: a bind the names rule out diverges (not a bounds error)") {
  Run run;
  run(1, Act::task_new, {{Arg::child, 2}, {Arg::flags, kThread}});
  run(2, Act::mm_release, {{Arg::mm, 0xa000}});
  CHECK_FALSE(run(1, Act::bind, {{Arg::mm, 0xb000}}));  // the same mm under another pointer
  ReplayResult r = run.finish();
  CHECK(r.verdict == ReplayVerdict::diverges);
  CHECK(r.message.find("an earlier line named this task's mm") != std::string::npos);
}

TEST_CASE("replay: arch_prctl(ARCH_ENABLE_TAGGED_ADDR) turns LAM on; 6.x refuses it with a PASID") {
  static constexpr std::int64_t kEnable = 0x4002, kSetFs = 0x1002, kEinval = -22;
  Run lam("v6.x");  // other options and failed calls change nothing; a second call neither
  CHECK(lam(1, Act::arch_prctl, {{Arg::value, kSetFs}}));
  CHECK(lam(1, Act::arch_prctl_ret, {{Arg::value, 0}}));
  CHECK(lam(1, Act::arch_prctl, {{Arg::value, kEnable}}));
  CHECK(lam(1, Act::arch_prctl_ret, {{Arg::value, kEinval}}));
  CHECK(lam(1, Act::arch_prctl, {{Arg::value, kEnable}}));
  CHECK(lam(1, Act::arch_prctl_ret, {{Arg::value, 0}}));
  CHECK(lam(1, Act::arch_prctl, {{Arg::value, kEnable}}));
  CHECK(lam(1, Act::arch_prctl_ret, {{Arg::value, 0}}));
  ReplayResult r = lam.finish();
  CHECK(r.verdict == ReplayVerdict::conforms);
  CHECK(r.steps == 1);
  CHECK(r.path_lines == std::vector<std::int64_t>{6});
  CHECK(r.ignored == 2);
  auto bound_then_lam = [](Run& run) {
    CHECK(run(1, Act::bind, {{Arg::dev, 7}}));
    CHECK(run(1, Act::open_ret, {{Arg::fd, 3}}));
    CHECK(run(1, Act::arch_prctl, {{Arg::value, kEnable}}));
    return run(1, Act::arch_prctl_ret, {{Arg::value, 0}});
  };
  Run excluded("v6.x");  // B9's fix: the kernel said EINVAL, or it left the model
  CHECK_FALSE(bound_then_lam(excluded));
  r = excluded.finish();
  CHECK(r.verdict == ReplayVerdict::diverges);
  CHECK(r.line == 4);
  CHECK(r.message.find("cannot take enable_lam(t0)") != std::string::npos);
  Run b9("v6.x", {"lam-ignores-sva"});
  CHECK_FALSE(bound_then_lam(b9));
  r = b9.finish();
  CHECK(r.verdict == ReplayVerdict::violates);
  CHECK(r.line == 4);
  CHECK(broken(b9, r) == "no_lam_with_pasid");
  Run old;  // 5.18 has no LAM: a kernel that turned it on is another design
  CHECK(old(1, Act::arch_prctl, {{Arg::value, kEnable}}));
  CHECK_FALSE(old(1, Act::arch_prctl_ret, {{Arg::value, 0}}));
  CHECK(old.finish().verdict == ReplayVerdict::diverges);
}
