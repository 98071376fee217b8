#pragma once
// kernel-history.md section 4, PasidEventuallyFreed / AllocRefsMatchBonds: "once every
// bond, fd and user is gone, p is freed" (broken by B4 and B5).  The issue's liveness
// form is "once no thread, fd or portal refers to an mm, its PASID is freed within N
// steps"; in this model the last reference goes in the same step as the frees it causes
// (exit, close and munmap run release, unbind and __mmdrop inside the step), so N is 0 and
// the property is a state invariant: an mm that owns a PASID is still referred to.

#include "invariant.hpp"

namespace pasid {

struct PasidFreedWhenUnreferenced {
  static constexpr bool kReadsLog = false;  // a state invariant: reads only the post-state
  static constexpr InvariantInfo info{
      "pasid_freed_when_unreferenced",
      "an mm owning a PASID has a task, or a file bound to it is open in a process or mapped "
      "by another mm",
      "some mm owning a PASID has no task"};

  /// Something outside m itself refers to m: a task on it, an fd of a file bound to it,
  /// or a portal of such a file in another live mm.  (m's own portals do not count: the
  /// cycle mm -> portal -> file -> bond -> mm is B4's leak.)
  template <class D>
  static typename D::Bool referred(const Bounds& b, const State<D>& s, int m) {
    auto r = has_task(b, s, m);
    for (int f = 0; f < b.files; ++f) {
      auto bound = s.files[f].mm == m;
      for (int p = 0; p < b.processes; ++p) r = r || (bound && s.procs[p].fd[f]);
      for (int o = 0; o < b.mms; ++o)
        if (o != m) r = r || (bound && s.mms[o].count > 0 && s.mms[o].portal[f]);
    }
    return r;
  }
  template <class D>
  static typename D::Bool has_task(const Bounds& b, const State<D>& s, int m) {
    auto r = D::truth(false);
    for (int t = 0; t < b.threads; ++t) r = r || runs_on(s, b, t, m);
    return r;
  }
  template <class D>
  static typename D::Bool holds(const Bounds& b, const State<D>&, const Log<D>&,
                                const State<D>& s) {
    auto r = D::truth(true);
    for (int m = 0; m < b.mms; ++m) {
      auto owns = D::truth(false);
      for (int k = 0; k < b.pasids; ++k) owns = owns || s.alloc.owner[k] == m;
      r = r && implies(owns, [&] { return referred(b, s, m); });
    }
    return r;
  }
  template <class D>
  static typename D::Bool premise(const Bounds& b, const State<D>&, const Log<D>&,
                                  const State<D>& s) {
    auto r = D::truth(false);
    for (int m = 0; m < b.mms; ++m)
      for (int k = 0; k < b.pasids; ++k) r = r || (s.alloc.owner[k] == m && !has_task(b, s, m));
    return r;
  }
};

}  // namespace pasid
