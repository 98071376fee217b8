#pragma once
// Every live field of a state, by name: one walk serves packing, diffs, printing,
// JSON and (for the SMT engines) declaring variables.

#include <string>
#include <utility>

#include "design.hpp"
#include "state.hpp"

namespace pasid {

/// Names one field: `obj` slot `i` (and `j` for a 2-D field, or kNone), field `field`.
struct FieldId {
  const char* obj;
  int i;
  const char* field;
  const char* sub = nullptr;  ///< kind of the second index ("f", "mm", ...), if any
  int j = kNone;
};

/// "t1.msr_valid", "proc0.fd[f1]", "dev0.bond[mm1].users", "alloc.owner[p2]"
/// (allocator entries are named by the PASID they hold concretely).
std::string field_name(const FieldId& id);

/// Calls f(FieldId, field&...) for every live field of the states `s...`, which all have
/// the same bounds.  Fields of the same name across the states are passed together.
template <class F, class... S>
void visit_fields(const Bounds& b, F&& f, S&... s) {
  for (int t = 0; t < b.threads; ++t) {
    auto u = static_cast<unsigned>(t);
    f(FieldId{"t", t, "alive"}, s.threads[u].alive...);
    f(FieldId{"t", t, "proc"}, s.threads[u].proc...);
    f(FieldId{"t", t, "msr_valid"}, s.threads[u].msr_valid...);
    f(FieldId{"t", t, "msr_pasid"}, s.threads[u].msr_pasid...);
    f(FieldId{"t", t, "activated"}, s.threads[u].activated...);
    f(FieldId{"t", t, "ipi"}, s.threads[u].ipi...);
    f(FieldId{"t", t, "waits"}, s.threads[u].waits...);
    f(FieldId{"t", t, "fpregs"}, s.threads[u].fpregs...);
    f(FieldId{"t", t, "xsave"}, s.threads[u].xsave...);
  }
  for (int p = 0; p < b.processes; ++p) {
    auto u = static_cast<unsigned>(p);
    f(FieldId{"proc", p, "mm"}, s.procs[u].mm...);
    for (int k = 0; k < b.files; ++k) f(FieldId{"proc", p, "fd", "f", k}, s.procs[u].fd[k]...);
  }
  for (int m = 0; m < b.mms; ++m) {
    auto u = static_cast<unsigned>(m);
    f(FieldId{"mm", m, "users"}, s.mms[u].users...);
    f(FieldId{"mm", m, "count"}, s.mms[u].count...);
    f(FieldId{"mm", m, "pasid"}, s.mms[u].pasid...);
    f(FieldId{"mm", m, "refs"}, s.mms[u].refs...);
    f(FieldId{"mm", m, "lam"}, s.mms[u].lam...);
    for (int k = 0; k < b.files; ++k) f(FieldId{"mm", m, "portal", "f", k}, s.mms[u].portal[k]...);
  }
  for (int k = 0; k < b.files; ++k) {
    auto u = static_cast<unsigned>(k);
    f(FieldId{"file", k, "dev"}, s.files[u].dev...);
    f(FieldId{"file", k, "mm"}, s.files[u].mm...);
  }
  for (int d = 0; d < b.devices; ++d) {
    for (int m = 0; m < b.mms; ++m) {
      auto du = static_cast<unsigned>(d), mu = static_cast<unsigned>(m);
      f(FieldId{"dev", d, "users", "mm", m}, s.bonds[du][mu].users...);
      f(FieldId{"dev", d, "pasid", "mm", m}, s.bonds[du][mu].pasid...);
      f(FieldId{"dev", d, "entry", "mm", m}, s.bonds[du][mu].entry...);
    }
  }
  for (int p = 1; p <= b.pasids; ++p)
    f(FieldId{"alloc", p, "owner"}, s.alloc.owner[static_cast<unsigned>(p - 1)]...);
  if constexpr ((S::Domain::kSymbolic && ...))
    for (int p = 1; p <= b.pasids; ++p)
      f(FieldId{"alloc", p, "value"}, s.alloc.value[static_cast<unsigned>(p - 1)]...);
}

/// Whether field `id` holds a PASID value: an MSR, a saved xstate, an mm's or a bond's
/// PASID (0: none).  The SMT engines' allocator values are the table's own, not these.
bool holds_pasid(const FieldId& id);

/// The range of values field `id` can take within bounds b: the model's type invariant.
/// PASID fields range over 0..b.pasids concretely and over 0..kPasidMax with full_range.
std::pair<int, int> field_range(const FieldId& id, const Bounds& b, bool full_range = false);

/// Whether a rule of design z can change field id from its initial value.  Not: design A's
/// fields (ipi, waits, fpregs, xsave) outside design A, the PASID references (refs) where
/// the PASID is not freed at the last unbind, LAM (lam) before 6.4.  A packed state gives
/// the others no bits.
bool field_written(const FieldId& id, const Design& z);

}  // namespace pasid
