#pragma once
// "new_* name the slot the new object takes: always the lowest free" (rule.hpp): when a
// slot of each sort is free, said once.  Every guard with a new_* parameter requires
// takes_slot() of it, so the explicit engine fires only the instances whose new slots are
// the lowest free ones (tests/unit/model/new_slot_test.cpp holds every rule to that).

#include <cassert>
#include <iterator>

#include "queries.hpp"
#include "rule.hpp"

namespace pasid {

/// The new-object parameters, in the order new_slots() lists them.
inline constexpr Param kNewParams[] = {Param::new_thread, Param::new_proc, Param::new_mm,
                                       Param::new_file};
inline constexpr unsigned kNewParamCount = std::size(kNewParams);

/// Whether p names the slot of an object the rule creates.
constexpr bool is_new(Param p) {
  for (Param q : kNewParams)
    if (p == q) return true;
  return false;
}

/// Whether slot k of new-object parameter p's sort is free: a dead thread, a process with no
/// thread, an mm with mm_count 0, a file no fd or portal refers to.
template <class D>
typename D::Bool slot_free(const State<D>& s, const Bounds& b, Param p, int k) {
  switch (p) {
    case Param::new_thread:
      return !s.threads[k].alive;
    case Param::new_proc:
      return !process_alive(s, b, k);
    case Param::new_mm:
      return s.mms[k].count == 0;
    case Param::new_file:
      return !file_referenced(s, b, k);
    default:
      assert(false && "not a new-object parameter");
      return D::truth(false);
  }
}

/// Slot k is the one a new object of parameter p takes: the lowest free one.
template <class D>
typename D::Bool takes_slot(const State<D>& s, const Bounds& b, Param p, int k) {
  return lowest_free<D>(k, [&](int j) { return slot_free(s, b, p, j); });
}

}  // namespace pasid
