// The replay's handlers, one per kind of kernel action: the model step it makes, or the
// kernel names it binds, or the kernel observation it checks.

#include <algorithm>
#include <cassert>

#include "checker/error.hpp"
#include "replayer.hpp"

namespace pasid::replay {

bool Replayer::ignore() {
  ignored_ = true;
  return true;
}

int Replayer::chooser(const Hyp& h, const TraceEvent& e, int t) const {
  if (t == kNone) return kNone;
  switch (e.act) {
    case Act::bind:
    case Act::msr_write:
    case Act::enqcmd:
      return t;
    case Act::sigsegv: {
      int target = h.n.thread_of(e.given(Arg::pid) ? e[Arg::pid] : e.task);
      for (int f = 0; target != kNone && f < pb_.bounds.files; ++f)
        if (maps_portal(h.s, pb_.bounds, target, f)) return target;
      return kNone;  // not from ENQCMD
    }
    default:
      return kNone;
  }
}

void Replayer::choose(const Hyp& h, const TraceEvent& e, int t, int target) {
  switch (e.act) {
    case Act::bind:
      return bind(h, e, t);
    case Act::msr_write:
      if (!msr_write(h, e, t)) fail("the model's MSR of this task stays as it is");
      return;
    case Act::enqcmd:
      portal_steps(h, e, t, rule_index<Enqcmd>());
      return;
    default:
      assert(e.act == Act::sigsegv);
      portal_steps(h, e, target, rule_index<Sigsegv>());
      return;
  }
}

void Replayer::expand(const Hyp& h, const TraceEvent& e) {
  int t = h.n.thread_of(e.task);
  if (int target = chooser(h, e, t); target != kNone) return choose(h, e, t, target);
  next_.push_back(h);  // the rest: one successor or none, built in place
  Hyp& x = next_.back();
  x.broken_now = 0;
  if (!explain(x, e, t)) next_.pop_back();
}

bool Replayer::explain(Hyp& x, const TraceEvent& e, int t) {
  switch (e.act) {
    case Act::exec:
      return exec(x, e);
    case Act::exit:
      return exit(x, e);
    case Act::unbind:
      return observe(x, e, Seen::unbind);
    case Act::pasid_free:
      return observe(x, e, Seen::pasid_free);
    case Act::mm_release:
      return name_mm(x, e);
    case Act::mm_drop:
      return drop_mm(x, e);
    default:
      break;
  }
  if (t == kNone) return ignore();  // a task outside the workload
  switch (e.act) {
    case Act::task_new:
      return task_new(x, e, t);
    case Act::pasid: {
      int p = mm_pasid(x.s, pb_.bounds, t);
      if (p == kNoPasid) fail("the model's mm of this task has no PASID");
      return p != kNoPasid && name_pasid(x, p, e[Arg::pasid]);
    }
    case Act::child_fpu:
      x.n.child_msr[t] = (e[Arg::xfeatures] & 0x400) != 0;
      return true;
    case Act::sigsegv:
      return ignore();  // the target maps no portal: not from ENQCMD
    case Act::arch_prctl:
    case Act::arch_prctl_ret:
      return lam(x, e, t);
    default:
      return files(x, e, t);
  }
}

/// arch_prctl(ARCH_ENABLE_TAGGED_ADDR) (arch/x86/include/uapi/asm/prctl.h): LAM on for the
/// task's mm when it returns 0.  A call that fails (no LAM on the CPU, a PASID already, a
/// second thread) changes nothing; one on an mm with LAM on already sets it again.
bool Replayer::lam(Hyp& x, const TraceEvent& e, int t) {
  constexpr std::int64_t kEnableTaggedAddr = 0x4002;
  bool& pending = x.n.pending_lam[t];
  if (e.act == Act::arch_prctl) {
    pending = e[Arg::value] == kEnableTaggedAddr;
    return pending || ignore();
  }
  if (!pending) return ignore();  // another option
  pending = false;
  if (e[Arg::value] != 0 || lam_on(x.s, pb_.bounds, t)) return true;
  Args<Concrete> a;
  a.thread = t;
  return step(x, rule_index<EnableLam>(), a, e);
}

bool Replayer::portal_steps(const Hyp& h, const TraceEvent& e, int t, int rule) {
  bool any = false;
  const int fixup = rule_index<GpFixup>();
  bool fixup_unseen =
      std::find(o_.unobserved.begin(), o_.unobserved.end(), fixup) != o_.unobserved.end();
  for (int f = 0; f < pb_.bounds.files; ++f) {
    if (!maps_portal(h.s, pb_.bounds, t, f)) continue;
    Args<Concrete> a;
    a.thread = t;
    a.file = f;
    Hyp x = fresh(h);
    bool needs_fixup = rule == rule_index<Enqcmd>() && !h.s.threads[t].msr_valid;
    if (needs_fixup && fixup_unseen && !step(x, fixup, a, e)) continue;
    if (!step(x, rule, a, e)) continue;
    next_.push_back(std::move(x));
    any = true;
  }
  if (!any) fail("the task maps no device portal it could use");
  return any;
}

}  // namespace pasid::replay
