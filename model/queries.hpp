#pragma once
// Derived facts about a state, written once for every domain.

#include "state.hpp"

namespace pasid {

/// Whether thread t is alive in process p (a slot number, or a term naming one).
template <class D, class P>
typename D::Bool in_process(const State<D>& s, int t, const P& p) {
  return s.threads[t].alive && s.threads[t].proc == p;
}

/// A process is alive while one of its threads is.
template <class D>
typename D::Bool process_alive(const State<D>& s, const Bounds& b, int p) {
  auto r = D::truth(false);
  for (int t = 0; t < b.threads; ++t) r = r || in_process(s, t, p);
  return r;
}

/// The number of slots k < n for which pred(k) holds, in any domain.
template <class D, class P>
typename D::Int count_of(int n, P&& pred) {
  auto c = D::num(0);
  for (int k = 0; k < n; ++k) c = c + ite(pred(k), D::num(1), D::num(0));
  return c;
}

/// The number of alive threads of process p.
template <class D>
typename D::Int process_threads(const State<D>& s, const Bounds& b, int p) {
  return count_of<D>(b.threads, [&](int t) { return in_process(s, t, p); });
}

/// Whether thread t is alive and free to run user code: in design A it is not inside an
/// fpregs_lock() region or waiting for load_pasid()'s IPIs (always so in the others).
template <class D>
typename D::Bool in_user(const State<D>& s, int t) {
  const auto& th = s.threads[t];
  return th.alive && !th.fpregs && !th.waits;
}

/// The mm thread t runs on (t must be alive).
template <class D>
typename D::Int mm_of(const State<D>& s, const Bounds& b, int t) {
  return pick<D>(b.processes, s.threads[t].proc, [&](int p) { return s.procs[p].mm; });
}

/// Whether thread t is alive and runs on mm m.
template <class D>
typename D::Bool runs_on(const State<D>& s, const Bounds& b, int t, int m) {
  return s.threads[t].alive && mm_of(s, b, t) == m;
}

/// The PASID of thread t's mm (t must be alive).
template <class D>
typename D::Int mm_pasid(const State<D>& s, const Bounds& b, int t) {
  return pick<D>(b.mms, mm_of(s, b, t), [&](int m) { return s.mms[m].pasid; });
}

/// Whether thread t's mm has linear address masking on (t must be alive).
template <class D>
typename D::Bool lam_on(const State<D>& s, const Bounds& b, int t) {
  return pick<D>(b.mms, mm_of(s, b, t), [&](int m) { return s.mms[m].lam; });
}

/// Whether thread t's process holds an fd for file f (t must be alive).
template <class D>
typename D::Bool has_fd(const State<D>& s, const Bounds& b, int t, int f) {
  return pick<D>(b.processes, s.threads[t].proc, [&](int p) { return s.procs[p].fd[f]; });
}

/// Whether thread t's mm maps the portal of file f (t must be alive).
template <class D>
typename D::Bool maps_portal(const State<D>& s, const Bounds& b, int t, int f) {
  return pick<D>(b.mms, mm_of(s, b, t), [&](int m) { return s.mms[m].portal[f]; });
}

/// A file is open while an fd or a portal VMA holds a reference to it.
template <class D>
typename D::Bool file_referenced(const State<D>& s, const Bounds& b, int f) {
  auto r = D::truth(false);
  for (int p = 0; p < b.processes; ++p) r = r || s.procs[p].fd[f];
  for (int m = 0; m < b.mms; ++m) r = r || s.mms[m].portal[f];
  return r;
}

/// The number of devices bonded to mm m.
template <class D>
typename D::Int live_bonds(const State<D>& s, const Bounds& b, int m) {
  return count_of<D>(b.devices, [&](int d) { return s.bonds[d][m].users > 0; });
}

/// The binds of mm m in place: the users of all its bonds.
template <class D>
typename D::Int mm_binds(const State<D>& s, const Bounds& b, int m) {
  auto n = D::num(0);
  for (int d = 0; d < b.devices; ++d) n = n + s.bonds[d][m].users;
  return n;
}

/// Slot k is the lowest one for which is_free holds: new objects take the lowest free
/// slot, so interchangeable slots do not multiply the states.
template <class D, class Free>
typename D::Bool lowest_free(int k, Free&& is_free) {
  auto r = is_free(k);
  for (int j = 0; j < k; ++j) r = r && !is_free(j);
  return r;
}

}  // namespace pasid
