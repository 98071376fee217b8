#pragma once
// A small harness for rule tests: a state, the bounds and design it runs under, and
// helpers that fire a rule only after checking its guard.

#include <doctest/doctest.h>

#include "model/model.hpp"

namespace pasid::test {

using C = Concrete;

struct World {
  Bounds b;
  Design z;
  State<C> s = initial_state<C>();
  Log<C> log;

  static Args<C> args(int thread, int file = kNone) {
    Args<C> a;
    a.thread = thread;
    a.file = file;
    return a;
  }

  template <class R>
  bool can(const Args<C>& a) const {
    return R::guard(s, b, z, a);
  }

  template <class R>
  void fire(const Args<C>& a) {
    REQUIRE(R::guard(s, b, z, a));
    log.clear();
    Step<C> st(s, b, z, log);
    rule_effect(rule_index<R>(), st, a);  // as the engines run it: the actor set, waits settled
  }

  /// Thread t opens device d as file slot f, binding with PASID p.
  void open(int t, int d, int f, int p) {
    Args<C> a = args(t);
    a.device = d;
    a.new_file = f;
    a.pasid = C::num(p);
    fire<Open>(a);
  }
  void mmap(int t, int f) { fire<Mmap>(args(t, f)); }
  /// Thread t opens device 0 as file f with PASID p, maps its portal and takes the #GP
  /// fixup: its MSR holds p.
  void activate(int t, int f, int p) {
    open(t, 0, f, p);
    mmap(t, f);
    fixup(t, f);
  }
  void fixup(int t, int f) { fire<GpFixup>(args(t, f)); }
  void close(int t, int f) { fire<Close>(args(t, f)); }
  void exit(int t) { fire<ThreadExit>(args(t)); }
  void clone(int t, int c) {
    Args<C> a = args(t);
    a.new_thread = c;
    fire<Clone>(a);
  }
  void fork(int t, int c, int p, int m) {
    Args<C> a = args(t);
    a.new_thread = c;
    a.new_proc = p;
    a.new_mm = m;
    fire<Fork>(a);
  }
  void ipi(int t) { fire<UpdatePasid>(args(t)); }
  void switch_in(int t) { fire<SwitchIn>(args(t)); }
  void fpregs_lock(int t) { fire<FpregsLock>(args(t)); }
  void fpregs_unlock(int t) { fire<FpregsUnlock>(args(t)); }
  /// The 2020 design (variant v5.10).
  void design_a() {
    z.pasid_free = FreeSite::last_unbind;
    z.pasid_by_ipi = true;
    z.gp_fixup = false;
  }
  void exec(int t, int m) {
    Args<C> a = args(t);
    a.new_mm = m;
    fire<Exec>(a);
  }

  /// The number of observations of `kind` in the last step.
  int seen(Seen kind) const {
    int n = 0;
    for (const auto& o : log) n += o.kind == kind;
    return n;
  }
  const Observation<C>* first(Seen kind) const {
    for (const auto& o : log)
      if (o.kind == kind) return &o;
    return nullptr;
  }
  int owner(int p) const { return s.alloc.owner[static_cast<unsigned>(p - 1)]; }
};

}  // namespace pasid::test
