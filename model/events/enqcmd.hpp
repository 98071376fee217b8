#pragma once
// "enqcmd(t, d) — submit a descriptor | mm(t) has a portal for d | if MSR(t).valid: the
// device receives PASID MSR(t).value (the submission). Else #GP."
// "#GP fixup (try_fixup_enqcmd_gp, part of the failing enqcmd) | MSR(t) not valid | if
// mm.pasid valid and pasid_activated(t) = 0: MSR(t) = {valid, mm.pasid},
// pasid_activated(t) = 1, the instruction is retried. Otherwise the thread gets SIGSEGV
// (the thread group dies)."
// Kernel: ENQCMD itself; exc_general_protection() -> try_fixup_enqcmd_gp(),
// arch/x86/kernel/traps.c.  The three outcomes are three rules so that each is counted.

#include "../pasid_allocator.hpp"
#include "thread_exit.hpp"

namespace pasid {

/// Thread t executes ENQCMD on the portal of file f.
template <class D>
typename D::Bool at_portal(const State<D>& s, const Bounds& b, const Args<D>& a) {
  return in_user(s, a.thread) && maps_portal(s, b, a.thread, a.file);
}

/// try_fixup_enqcmd_gp() loads the MSR: the mm has a PASID and the task has not had one.
/// Design A has no fixup: its #GP is always a SIGSEGV.
template <class D>
typename D::Bool fixup_applies(const State<D>& s, const Bounds& b, const Design& z, int t) {
  if (!z.gp_fixup) return D::truth(false);
  auto pasid = mm_pasid(s, b, t);
  auto fresh = z.fixup_ignores_activated ? D::truth(true) : !s.threads[t].activated;
  return pasid != kNoPasid && fresh;
}

struct Enqcmd {
  static constexpr RuleInfo info{"enqcmd",
                                 "ENQCMD",
                                 "submit a descriptor through a portal with a valid MSR",
                                 {Param::thread, Param::file},
                                 2};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design&,
                                const Args<D>& a) {
    return at_portal(s, b, a) && s.threads[a.thread].msr_valid;
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    const auto& t = st.s.threads[a.thread];
    st.observe(Seen::submit, 0, D::num(a.thread), st.s.files[a.file].dev,
               mm_of(st.s, st.b, a.thread), t.msr_pasid, owner_of(st.s, st.b, t.msr_pasid));
  }
};

struct GpFixup {
  static constexpr RuleInfo info{"gp_fixup",
                                 "try_fixup_enqcmd_gp",
                                 "ENQCMD with the MSR clear: #GP loads mm.pasid into the MSR",
                                 {Param::thread, Param::file},
                                 2};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design& z,
                                const Args<D>& a) {
    return at_portal(s, b, a) && !s.threads[a.thread].msr_valid && fixup_applies(s, b, z, a.thread);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& t = st.s.threads[a.thread];
    auto mm = mm_of(st.s, st.b, a.thread);
    auto pasid = mm_pasid(st.s, st.b, a.thread);
    st.observe(Seen::fixup, 0, D::num(a.thread), D::num(kNone), mm, pasid,
               ite(t.activated, D::num(1), D::num(0)));
    t.msr_valid = D::truth(true);
    t.msr_pasid = pasid;
    t.activated = D::truth(true);
  }
};

struct Sigsegv {
  static constexpr RuleInfo info{"sigsegv",
                                 "exc_general_protection",
                                 "ENQCMD #GP that the fixup refuses: the thread group dies",
                                 {Param::thread, Param::file},
                                 2};
  template <class D>
  static typename D::Bool guard(const State<D>& s, const Bounds& b, const Design& z,
                                const Args<D>& a) {
    return at_portal(s, b, a) && !s.threads[a.thread].msr_valid &&
           !fixup_applies(s, b, z, a.thread);
  }
  template <class D>
  static void effect(Step<D>& st, const Args<D>& a) {
    auto& s = st.s;
    auto mm = mm_of(s, st.b, a.thread);
    auto pasid = mm_pasid(st.s, st.b, a.thread);
    st.observe(Seen::sigsegv, 0, D::num(a.thread), s.files[a.file].dev, mm, pasid, D::num(1));
    auto group = s.threads[a.thread].proc;
    for (int j = 0; j < st.b.threads; ++j)  // SIGSEGV kills the whole thread group
      st.when(in_process(s, j, group), [&] { do_exit(st, j); });
  }
};

}  // namespace pasid
