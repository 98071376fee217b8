#pragma once
// What every invariant has: a name, its statement, and (in its own struct) `holds` and
// `premise` over a step (pre-state, observations, post-state), for any value domain.
// A state invariant reads only the post-state; a step invariant reads the observations.
// `premise` says the invariant had something to check: an invariant whose premise never
// held during a search holds vacuously, and the engines warn about it.

#include "../log.hpp"
#include "../pasid_allocator.hpp"
#include "../queries.hpp"

namespace pasid {

struct InvariantInfo {
  const char* name;
  const char* statement;
  const char* premise;  ///< what must occur for the check to mean something
};

/// The conjunction of prop(o) over the observations of `kind`.
template <class D, class P>
typename D::Bool all_seen(const Log<D>& log, Seen kind, P&& prop) {
  auto r = D::truth(true);
  if (!log.has(kind)) return r;
  for (const auto& o : log)
    if (o.kind == kind) r = r && implies(o.when, prop(o));
  return r;
}

/// Whether some observation of `kind` happened.
template <class D>
typename D::Bool any_seen(const Log<D>& log, Seen kind) {
  auto r = D::truth(false);
  if (!log.has(kind)) return r;
  for (const auto& o : log)
    if (o.kind == kind) r = r || o.when;
  return r;
}

}  // namespace pasid
