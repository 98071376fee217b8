// The replay's task actions: creation (thread, vm, fork by clone flags), exec, exit, and
// the mm pointers the kernel prints as tasks let go of their mms.

#include "checker/error.hpp"
#include "replayer.hpp"

namespace pasid::replay {

namespace {

constexpr std::int64_t kCloneVm = 0x100;
constexpr std::int64_t kCloneThread = 0x10000;

template <class Free>
int lowest(int n, Free&& is_free) {
  for (int k = 0; k < n; ++k)
    if (is_free(k)) return k;
  return kNone;
}

}  // namespace

bool Replayer::task_new(Hyp& x, const TraceEvent& e, int t) {
  const auto& s = x.s;
  const auto& b = pb_.bounds;
  std::int64_t child = e[Arg::child];
  if (x.n.thread_of(child) != kNone)
    throw InputError(o_.file, static_cast<int>(e.line), 1,
                     "pid " + std::to_string(child) + " is created again while it is alive");
  if (Zombie* z = x.n.zombie(child)) *z = Zombie{};  // the pid is reused
  Args<Concrete> a;
  a.thread = t;
  a.new_thread = lowest(b.threads, [&](int k) { return !s.threads[k].alive; });
  a.new_proc = lowest(b.processes, [&](int k) { return !process_alive(s, b, k); });
  a.new_mm = lowest(b.mms, [&](int k) { return s.mms[k].count == 0; });
  std::int64_t flags = e[Arg::flags];
  int rule = (flags & kCloneThread) ? rule_index<Clone>()
             : (flags & kCloneVm)   ? rule_index<CloneVm>()
                                    : rule_index<Fork>();
  bool thread = rule == rule_index<Clone>();
  if (a.new_thread == kNone) out_of_slots(e, "tasks alive", b.threads);
  if (!thread && a.new_proc == kNone) out_of_slots(e, "processes alive", b.processes);
  if (rule == rule_index<Fork>() && a.new_mm == kNone) out_of_slots(e, "mms alive", b.mms);
  if (thread) a.new_proc = a.new_mm = kNone;
  if (rule == rule_index<CloneVm>()) a.new_mm = kNone;
  int parent_proc = s.threads[t].proc;
  if (!step(x, rule, a, e)) return false;
  Names& n = x.n;
  n.pid[a.new_thread] = child;
  if (!thread) n.fd[a.new_proc] = n.fd[parent_proc];
  if (n.child_msr[t] >= 0 && n.child_msr[t] != x.s.threads[a.new_thread].msr_valid) {
    fail(std::string("the kernel's xstate copy for the child ") +
         (n.child_msr[t] ? "keeps" : "clears") + " the PASID component; the model's " +
         instance_name(rule, a) + " does not");
    return false;
  }
  n.child_msr[t] = -1;
  return true;
}

bool Replayer::exec(Hyp& x, const TraceEvent& e) {
  std::int64_t old_pid = e.given(Arg::old_pid) ? e[Arg::old_pid] : e.task;
  std::int64_t pid = e.given(Arg::pid) ? e[Arg::pid] : old_pid;
  int t = x.n.thread_of(old_pid);
  if (t == kNone) return ignore();
  Args<Concrete> a;
  a.thread = t;
  a.new_mm = lowest(pb_.bounds.mms, [&](int k) { return x.s.mms[k].count == 0; });
  if (a.new_mm == kNone) out_of_slots(e, "mms alive", pb_.bounds.mms);
  if (!step(x, rule_index<Exec>(), a, e)) return false;
  x.n.pid[t] = pid;  // a non-leader that execs takes the leader's pid (de_thread)
  if (Zombie* z = x.n.zombie(pid)) *z = Zombie{};
  return true;
}

bool Replayer::exit(Hyp& x, const TraceEvent& e) {
  std::int64_t pid = e.given(Arg::pid) ? e[Arg::pid] : e.task;
  int t = x.n.thread_of(pid);
  if (t == kNone) {
    Zombie* z = x.n.zombie(pid);
    if (z && !z->exit_seen) {  // the model let it go already: de_thread, SIGSEGV
      z->exit_seen = true;
      return true;
    }
    return ignore();
  }
  Args<Concrete> a;
  a.thread = t;
  if (!step(x, rule_index<ThreadExit>(), a, e)) return false;
  if (Zombie* z = x.n.zombie(pid)) z->exit_seen = true;
  return true;
}

bool Replayer::name_mm(Hyp& x, const TraceEvent& e) {
  Names& n = x.n;
  const auto& s = x.s;
  int t = n.thread_of(e.task);
  int m = kNone;
  if (t != kNone)
    m = mm_of(s, pb_.bounds, t);
  else if (Zombie* z = n.zombie(e.task))
    m = z->mm;
  if (m == kNone) return ignore();
  std::int64_t ptr = e[Arg::mm];
  if (n.mm[m] == ptr) return true;
  if (n.mm[m] != 0) {
    fail("an earlier line named this task's mm " + std::to_string(n.mm[m]));
    return false;
  }
  for (int k = 0; k < pb_.bounds.mms; ++k) {
    if (n.mm[k] != ptr) continue;
    if (s.mms[k].count != 0) {
      fail("that mm is the model's live mm m" + std::to_string(k) + ", not this task's m" +
           std::to_string(m));
      return false;
    }
    n.mm[k] = 0;  // freed without a line we saw, and its memory reused
  }
  n.mm[m] = ptr;
  return true;
}

bool Replayer::drop_mm(Hyp& x, const TraceEvent& e) {
  Names& n = x.n;
  int m = kNone;
  for (int k = 0; k < pb_.bounds.mms; ++k)
    if (n.mm[k] == e[Arg::mm]) m = k;
  if (m == kNone) return ignore();
  n.mm[m] = 0;
  if (x.s.mms[m].count == 0) {
    ++x.observations;
    return true;
  }
  for (auto& p : n.pending) {
    if (p.line != 0) continue;
    p = Pending{e.line, e.task, Seen::pasid_free, 0, static_cast<std::int8_t>(m)};
    return true;
  }
  fail("too many kernel lines wait for a model step");
  return false;
}

}  // namespace pasid::replay
