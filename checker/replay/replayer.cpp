#include "replayer.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <set>

#include "checker/error.hpp"
#include "checker/explicit/successor.hpp"

namespace pasid::replay {

namespace {

/// More open explanations than this and the replay keeps the first ones only.
constexpr std::size_t kMaxFrontier = 256;

/// Births and deaths of a step, reflected in the names: a dead task's pid becomes a zombie
/// (its own exit line or later lines may still come), a dead process's fds and a new or
/// dead mm's portals and pointer are forgotten.
void follow_lifetimes(Names& n, const State<Concrete>& pre, const State<Concrete>& post,
                      const Bounds& b) {
  bool moved = false;  // a thread was born, died or changed process: processes may have died
  for (int t = 0; t < b.threads; ++t) {
    const auto &was = pre.threads[t], &is = post.threads[t];
    moved = moved || was.alive != is.alive || was.proc != is.proc;
    if (was.alive && !is.alive) {
      if (n.pid[t] != 0) n.add_zombie(n.pid[t], pre.procs[was.proc].mm, false);
      n.pid[t] = 0;
    }
    if (!was.alive && is.alive) {
      n.pending_file[t] = n.pending_mmap[t] = kNone;
      n.child_msr[t] = -1;
      n.pending_lam[t] = false;
    }
  }
  for (int p = 0; moved && p < b.processes; ++p)
    if (process_alive(pre, b, p) && !process_alive(post, b, p)) n.fd[p].fill(-1);
  for (int m = 0; m < b.mms; ++m) {
    if ((pre.mms[m].count == 0) != (post.mms[m].count == 0)) n.portal[m].fill(0);
    if (pre.mms[m].count == 0 && post.mms[m].count != 0) n.mm[m] = 0;
  }
}

/// What a kernel line waiting for a model step showed, for messages.
std::string pending_what(const Pending& p) {
  if (p.mm != kNone) return "mm m" + std::to_string(p.mm) + " freed (__mmdrop)";
  if (p.kind == Seen::unbind) return "an unbind by pid " + std::to_string(p.task);
  return "PASID " + std::to_string(p.pasid) + " freed by pid " + std::to_string(p.task);
}

}  // namespace

const char* verdict_name(ReplayVerdict v) {
  switch (v) {
    case ReplayVerdict::conforms:
      return "conforms";
    case ReplayVerdict::diverges:
      return "diverges";
    case ReplayVerdict::violates:
      return "violates";
  }
  return "?";
}

Replayer::Replayer(const Problem& pb, ReplayOptions options)
    : pb_(pb),
      o_(std::move(options)),
      step_invariants_(pb, invariants_reading(pb, true)),
      state_invariants_(pb, invariants_reading(pb, false)) {
  frontier_.push_back({initial_state<Concrete>(), Names{}});
  const int range = find_invariant("pasid_in_range");
  assert(pb_.invariants.size() <= kMaxInvariants);  // a bit each
  for (std::size_t i = 0; i < pb_.invariants.size(); ++i)
    if (pb_.invariants[i].builtin == range) range_invariant_ = 1ull << i;
}

void Replayer::fail(const std::string& why) {
  if (reason_.empty()) reason_ = why;
}

void Replayer::out_of_slots(const TraceEvent& e, const char* what, int slots) const {
  throw InputError(o_.file, static_cast<int>(e.line), 1,
                   std::string("more ") + what + " at once than the model has slots for (" +
                       std::to_string(slots) + ")");
}

bool Replayer::feed(const TraceEvent& e) {
  if (r_.verdict != ReplayVerdict::conforms) return false;
  if (!started_ && (o_.root_pid != 0 || e.task != 0)) {  // pid 0 (idle) is no workload
    started_ = true;
    frontier_[0].n.pid[0] = o_.root_pid != 0 ? o_.root_pid : e.task;
  }
  ++r_.events;
  next_.clear();
  reason_.clear();
  ignored_ = false;
  if (o_.in_place && frontier_.size() == 1) {
    int t = frontier_[0].n.thread_of(e.task);
    if (chooser(frontier_[0], e, t) == kNone) return feed_in_place(e, t);
  }
  for (const Hyp& h : frontier_) expand(h, e);
  if (ignored_) ++r_.ignored;
  if (next_.empty()) {
    diverge(e);
    return false;
  }
  std::swap(frontier_, next_);
  if (frontier_.size() > 1) {
    // Unbroken explanations first, so that a broken duplicate of one is the one dropped.
    std::stable_partition(frontier_.begin(), frontier_.end(),
                          [](const Hyp& x) { return !x.broken_now && !x.broke_at; });
    std::size_t kept = 0;
    for (std::size_t k = 0; k < frontier_.size() && kept < kMaxFrontier; ++k) {
      const Hyp& x = frontier_[k];
      bool seen = std::any_of(frontier_.begin(), frontier_.begin() + kept,
                              [&](const Hyp& h) { return h.s == x.s && h.n == x.n; });
      if (!seen) frontier_[kept++] = frontier_[k];
    }
    frontier_.resize(kept);
  }
  return judge(e);
}

bool Replayer::feed_in_place(const TraceEvent& e, int t) {
  Hyp& x = frontier_[0];
  x.broken_now = 0;
  if (!explain(x, e, t)) {
    r_.verdict = ReplayVerdict::diverges;
    r_.line = r_.stopped_at = e.line;
    r_.retrace = true;
    return false;
  }
  if (ignored_) ++r_.ignored;
  return judge(e);
}

bool Replayer::judge(const TraceEvent& e) {
  for (auto& x : frontier_) {
    if (!x.broken_now || x.broke_at) continue;
    x.broke_at = e.line;
    x.broke = x.broken_now;
    x.broke_path = x.path;
  }
  if (!frontier_.front().broke_at) return true;
  // Every explanation left broke an invariant (unbroken ones come first).
  auto first = std::min_element(frontier_.begin(), frontier_.end(),
                                [](const Hyp& a, const Hyp& b) { return a.broke_at < b.broke_at; });
  std::swap(frontier_.front(), *first);
  const Hyp& h = frontier_.front();
  r_.verdict = ReplayVerdict::violates;
  r_.line = h.broke_at;
  r_.stopped_at = e.line;
  r_.invariant = std::countr_zero(h.broke);
  r_.broken = h.broke;
  return false;
}

bool Replayer::step(Hyp& x, int rule, const Args<Concrete>& a, const TraceEvent& e) {
  const auto& b = pb_.bounds;
  if (!rule_guard(rule, x.s, b, pb_.design, a)) {
    fail("the model cannot take " + instance_name(rule, a) + " here");
    return false;
  }
  Log<Concrete>& log = log_;  // reused: no allocation per step
  State<Concrete> post = successor(pb_, x.s, Instance{rule, a}, log);
  x.broken_now |= broken(step_invariants_, x.s, log, post);
  x.broken_now |= memo_.verdict(post, [&] { return broken(state_invariants_, x.s, log, post); });
  follow_lifetimes(x.n, x.s, post, b);
  x.s = post;
  ++x.steps;
  if (o_.record) {
    arena_.push_back({x.path, Instance{rule, a}, e.line});
    x.path = static_cast<int>(arena_.size()) - 1;
  }
  return settle(x, e.task, log);
}

std::uint64_t Replayer::broken(const InvariantSet& set, const State<Concrete>& pre,
                               const Log<Concrete>& log, const State<Concrete>& post) {
  std::uint64_t premises = 0;  // what the explicit engine counts; the replay does not
  return set.at_positions(set.broken(pre, log, post, premises));
}

bool Replayer::settle(Hyp& x, std::int64_t task, const Log<Concrete>& log) {
  Names& n = x.n;
  std::uint64_t used = 0;  // bit i: log[i] explained a kernel line (logs are short)
  assert(log.size() <= 64);
  auto take = [&](Seen kind, std::int64_t value) {
    for (std::size_t i = 0; i < log.size(); ++i) {
      if (((used >> i) & 1) || log[i].kind != kind) continue;
      if (kind == Seen::pasid_free && n.pasid[log[i].pasid] != 0 && n.pasid[log[i].pasid] != value)
        continue;
      used |= 1ull << i;
      if (kind == Seen::pasid_free) n.pasid[log[i].pasid] = 0;
      return true;
    }
    return false;
  };
  for (auto& p : n.pending) {
    if (p.line == 0 || p.task != task) continue;
    bool ok = p.mm != kNone ? x.s.mms[p.mm].count == 0 : take(p.kind, p.pasid);
    if (!ok) {
      fail("line " + std::to_string(p.line) + " shows " + pending_what(p) +
           ", and this task's next model step does not do it");
      return false;
    }
    ++x.observations;
    p = Pending{};
  }
  for (auto& o : n.owed)
    if (o.age >= 0 && ++o.age >= kOwedSteps) o = Owed{};
  for (std::size_t i = 0; i < log.size(); ++i) {
    if (((used >> i) & 1) || (log[i].kind != Seen::unbind && log[i].kind != Seen::pasid_free))
      continue;
    // An empty entry, else the oldest.
    auto slot = std::max_element(n.owed.begin(), n.owed.end(), [](const Owed& a, const Owed& b) {
      return (a.age < 0 ? kOwedSteps : a.age) < (b.age < 0 ? kOwedSteps : b.age);
    });
    *slot = Owed{log[i].kind, log[i].pasid, 0};
  }
  return true;
}

std::string Replayer::allowed(const Hyp& h, int t) const {
  std::set<std::string> names;
  for (const Instance& in : rule_instances(pb_.bounds))
    if (in.args.thread == t && rule_guard(in.rule, h.s, pb_.bounds, pb_.design, in.args))
      names.insert(rule_info(in.rule).name);
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? "nothing" : s;
}

void Replayer::diverge(const TraceEvent& e) {
  r_.verdict = ReplayVerdict::diverges;
  r_.line = r_.stopped_at = e.line;
  const Hyp& h = frontier_.front();
  int t = h.n.thread_of(e.task);
  r_.message =
      "saw " + describe(e) + ": " + (reason_.empty() ? "no model step explains it" : reason_);
  if (t != kNone)
    r_.message += "; the model allows pid " + std::to_string(e.task) + " (t" + std::to_string(t) +
                  "): " + allowed(h, t);
}

ReplayResult Replayer::finish() {
  if (r_.verdict == ReplayVerdict::conforms) {
    const Hyp& h = frontier_.front();
    for (const auto& p : h.n.pending) {
      bool open = p.line != 0 && (p.mm == kNone || h.s.mms[p.mm].count != 0);
      if (open && (r_.line == 0 || p.line < r_.line)) {
        r_.verdict = ReplayVerdict::diverges;
        r_.line = p.line;
        r_.message = "the trace shows " + pending_what(p) + ", and no model step does it";
      }
    }
  }
  const Hyp& h = frontier_.front();
  r_.steps = h.steps;
  r_.observations += h.observations;
  if (o_.record) {
    int last = r_.verdict == ReplayVerdict::violates ? h.broke_path : h.path;
    for (int k = last; k >= 0; k = arena_[k].parent) {
      r_.path.push_back(arena_[k].step);
      r_.path_lines.push_back(arena_[k].line);
    }
    std::reverse(r_.path.begin(), r_.path.end());
    std::reverse(r_.path_lines.begin(), r_.path_lines.end());
  }
  return r_;
}

}  // namespace pasid::replay
