// The replay's handlers, one per kind of kernel action: the model step it makes, or the
// kernel names it binds, or the kernel observation it checks.

#include <algorithm>

#include "checker/error.hpp"
#include "replayer.hpp"

namespace pasid::replay {

bool Replayer::ignore() {
  ignored_ = true;
  return true;
}

void Replayer::expand(const Hyp& h, const TraceEvent& e) {
  int t = h.n.thread_of(e.task);
  auto keep = [&](Succ&& x, bool ok) {
    if (ok) next_.push_back(std::move(x));
  };
  Succ x{h, 0};
  switch (e.act) {
    case Act::exec:
      return keep(std::move(x), exec(x, e));
    case Act::exit:
      return keep(std::move(x), exit(x, e));
    case Act::unbind:
      return keep(std::move(x), observe(x, e, Seen::unbind));
    case Act::pasid_free:
      return keep(std::move(x), observe(x, e, Seen::pasid_free));
    case Act::mm_release:
      return keep(std::move(x), name_mm(x, e));
    case Act::mm_drop:
      return keep(std::move(x), drop_mm(x, e));
    default:
      break;
  }
  if (t == kNone) return keep(std::move(x), ignore());  // a task outside the workload
  switch (e.act) {
    case Act::task_new:
      return keep(std::move(x), task_new(x, e, t));
    case Act::bind:
      return bind(h, e, t);
    case Act::pasid: {
      int p = mm_pasid(h.s, pb_.bounds, t);
      if (p == kNoPasid) fail("the model's mm of this task has no PASID");
      return keep(std::move(x), p != kNoPasid && name_pasid(x, p, e[Arg::pasid]));
    }
    case Act::child_fpu:
      x.h.n.child_msr[t] = (e[Arg::xfeatures] & 0x400) != 0;
      return keep(std::move(x), true);
    case Act::msr_write:
      if (!msr_write(h, e, t)) fail("the model's MSR of this task stays as it is");
      return;
    case Act::sigsegv: {
      int target = h.n.thread_of(e.given(Arg::pid) ? e[Arg::pid] : e.task);
      bool portal = false;
      for (int f = 0; target != kNone && f < pb_.bounds.files; ++f)
        portal = portal || maps_portal(h.s, pb_.bounds, target, f);
      if (!portal) return keep(std::move(x), ignore());  // not from ENQCMD
      portal_steps(h, e, target, rule_index<Sigsegv>());
      return;
    }
    case Act::enqcmd:
      portal_steps(h, e, t, rule_index<Enqcmd>());
      return;
    default:
      return keep(std::move(x), files(x, e, t));
  }
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
    Succ x{h, 0};
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
