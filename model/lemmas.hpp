#pragma once
// The model's bookkeeping, stated as facts of every reachable state: reference counts
// equal what they count, dead objects are empty, allocated PASIDs have live owners.
// They are not properties of the kernel design under check but of the model's encoding;
// k-induction and pdr assume them to cut off unreachable states that no invariant of the
// design doc rules out (an mm with mm_count 0 and a bond, say), but only after proving them
// 1-inductive (checker/smt/lemma_proof.hpp): in a design whose bookkeeping differs they go
// on without those it breaks, so the lemmas can make a proof possible, never make one lie.

#include <iterator>

#include "pasid_allocator.hpp"
#include "queries.hpp"

namespace pasid {

/// mm_users, mm_count and the bonds' users equal the tasks, users and files they count;
/// an mm without users maps nothing, and a freed one has no PASID.
template <class D>
typename D::Bool counts_match(const Bounds& b, const State<D>& s) {
  auto r = D::truth(true);
  for (int m = 0; m < b.mms; ++m) {
    const auto& mm = s.mms[m];
    auto users = count_of<D>(b.threads, [&](int t) { return runs_on(s, b, t, m); });
    r = r && mm.users == users &&
        mm.count == ite(users > 0, D::num(1), D::num(0)) + live_bonds(s, b, m);
    auto unmapped = D::truth(true);  // __mmput's exit_mmap() unmaps every VMA
    for (int f = 0; f < b.files; ++f) unmapped = unmapped && !mm.portal[f];
    r = r && implies(mm.users == 0, unmapped) && implies(mm.count == 0, mm.pasid == kNoPasid);
    for (int d = 0; d < b.devices; ++d) {
      auto files =
          count_of<D>(b.files, [&](int f) { return s.files[f].dev == d && s.files[f].mm == m; });
      r = r && s.bonds[d][m].users == files &&
          implies(s.bonds[d][m].entry, s.bonds[d][m].users > 0);
    }
  }
  return r;
}

/// Threads belong to live process slots, processes with threads have an mm (and those
/// without hold neither an mm nor an fd), and a file
/// names a device and an mm exactly while it is referenced.
template <class D>
typename D::Bool tasks_placed(const Bounds& b, const State<D>& s) {
  auto r = D::truth(true);
  for (int t = 0; t < b.threads; ++t) {
    const auto& th = s.threads[t];
    r = r && ite(th.alive, th.proc >= 0 && th.proc < b.processes, th.proc == kNone);
  }
  for (int p = 0; p < b.processes; ++p) {
    auto closed = s.procs[p].mm == kNone;  // a dead process holds no mm and no fd
    for (int f = 0; f < b.files; ++f) closed = closed && !s.procs[p].fd[f];
    r = r && ite(process_alive(s, b, p), s.procs[p].mm >= 0 && s.procs[p].mm < b.mms, closed);
  }
  for (int f = 0; f < b.files; ++f) {
    const auto& file = s.files[f];
    r = r && ite(file.dev == kNone, file.mm == kNone && !file_referenced(s, b, f),
                 file.dev >= 0 && file.dev < b.devices && file.mm >= 0 && file.mm < b.mms &&
                     file_referenced(s, b, f));
  }
  return r;
}

/// An allocated PASID is a PASID (not 0), belongs to a live mm whose mm.pasid it is, and
/// no two entries hold the same one; an mm's PASID is allocated to it.
template <class D>
typename D::Bool owners_live(const Bounds& b, const State<D>& s) {
  auto r = D::truth(true);
  for (int k = 0; k < b.pasids; ++k) {
    const auto& owner = s.alloc.owner[k];
    r = r && implies(owner != kNone, entry_pasid(s, k) != kNoPasid);
    r = r && (owner == kNone || (owner >= 0 && owner < b.mms && pick<D>(b.mms, owner, [&](int m) {
                                   return s.mms[m].count > 0 && s.mms[m].pasid == entry_pasid(s, k);
                                 })));
    for (int j = 0; j < k; ++j)
      r = r && implies(owner != kNone && s.alloc.owner[j] != kNone,
                       entry_pasid(s, k) != entry_pasid(s, j));
  }
  for (int m = 0; m < b.mms; ++m)
    r = r && implies(s.mms[m].pasid != kNoPasid, owner_of(s, b, s.mms[m].pasid) == m);
  return r;
}

/// An MSR is valid exactly when it holds a PASID (every write of one writes both: the
/// #GP fixup, a reset, design A's IPI); a free thread slot is clear (free_task), and so is
/// a bond no file uses (the last release clears its PASID).
template <class D>
typename D::Bool slots_clear(const Bounds& b, const State<D>& s) {
  auto r = D::truth(true);
  for (int t = 0; t < b.threads; ++t) {
    const auto& th = s.threads[t];
    r = r && th.msr_valid == (th.msr_pasid != kNoPasid) &&
        implies(!th.alive,
                !th.msr_valid && !th.activated && !th.waits && !th.fpregs && th.xsave == kNoPasid);
  }
  for (int d = 0; d < b.devices; ++d)
    for (int m = 0; m < b.mms; ++m)
      r = r && implies(s.bonds[d][m].users == 0, s.bonds[d][m].pasid == kNoPasid);
  return r;
}

/// A bond in use holds its mm's PASID, which is a PASID: the bind records mm.pasid, and
/// the mm keeps it while the bond's mmgrab holds the mm.  (5.18 as merged freed it at the
/// last mmput while a bond still held it: there this lemma fails and k-induction drops it.)
template <class D>
typename D::Bool bonds_hold_pasid(const Bounds& b, const State<D>& s) {
  auto r = D::truth(true);
  for (int d = 0; d < b.devices; ++d)
    for (int m = 0; m < b.mms; ++m) {
      const auto& bond = s.bonds[d][m];
      r = r && implies(bond.users > 0, bond.pasid != kNoPasid && bond.pasid == s.mms[m].pasid);
    }
  return r;
}

/// The lemmas of this file, each proved or dropped on its own; their names in the same order.
enum class Lemma { counts_match, tasks_placed, owners_live, slots_clear, bonds_hold_pasid };
inline constexpr const char* kLemmaNames[] = {"counts_match", "tasks_placed", "owners_live",
                                              "slots_clear", "bonds_hold_pasid"};
inline constexpr int kLemmaCount = static_cast<int>(std::size(kLemmaNames));
static_assert(static_cast<int>(Lemma::bonds_hold_pasid) + 1 == kLemmaCount,
              "a name for every lemma");

template <class D>
typename D::Bool lemma(Lemma l, const Bounds& b, const State<D>& s) {
  switch (l) {
    case Lemma::counts_match:
      return counts_match(b, s);
    case Lemma::tasks_placed:
      return tasks_placed(b, s);
    case Lemma::owners_live:
      return owners_live(b, s);
    case Lemma::slots_clear:
      return slots_clear(b, s);
    case Lemma::bonds_hold_pasid:
      return bonds_hold_pasid(b, s);
  }
  return D::truth(true);
}

/// Every lemma of this file.
template <class D>
typename D::Bool well_formed(const Bounds& b, const State<D>& s) {
  auto r = D::truth(true);
  for (int l = 0; l < kLemmaCount; ++l) r = r && lemma(static_cast<Lemma>(l), b, s);
  return r;
}

}  // namespace pasid
