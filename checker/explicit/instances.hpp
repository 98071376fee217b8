#pragma once
// Rule instances: every rule with every combination of parameter values the bounds allow.

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace pasid {

struct Instance {
  int rule;
  Args<Concrete> args;
};

/// All instances for the bounds, rule by rule in table order.
std::vector<Instance> rule_instances(const Bounds& b);

/// The slots an instance's new-object parameters name, a byte each in the order of
/// kNewParams, and which bytes it has (mask).  A guard holds only where each is the lowest
/// free slot of its sort (model/new_slot.hpp), so an instance whose bytes differ from
/// free_slots() of a state need not have its guard evaluated there.
struct NewSlots {
  std::uint32_t slots = 0;
  std::uint32_t mask = 0;
};
NewSlots new_slots(const Instance& in);
/// The lowest free slot of each new-object sort in s, a byte each (0xff: none is free).
std::uint32_t free_slots(const State<Concrete>& s, const Bounds& b);
/// Whether instance slots `n` may fire from a state with free slots `free`.
inline bool may_fire(const NewSlots& n, std::uint32_t free) {
  return ((n.slots ^ free) & n.mask) == 0;
}

/// The field of `a` that parameter p sets.
int& param_slot(Args<Concrete>& a, Param p);
/// The value of parameter p in `a` (a PASID value for Param::pasid, else a slot index).
int param_value(const Args<Concrete>& a, Param p);
/// The parameter's name in JSON ("thread", "new_mm", "pasid", ...).
const char* param_name(Param p);

/// "open(t0, dev0, f1, pasid 2)": the instance as a call.
std::string instance_name(int rule, const Args<Concrete>& a);

/// The instances a renaming of thread, device and file slots makes of each other share a
/// key: the rule, then each argument's sort and its rank among the slots of that sort it
/// names ("sigsegv(t2, f1)" and "sigsegv(t0, f0)": the first thread, the first file), or
/// its value for the sorts not renamed (process, mm, PASID: "exec(t1, mm1)" and
/// "exec(t0, mm1)").  The rules treat slots alike, so from renamed states they take renamed
/// steps to renamed successors.  Empty for an instance that creates a thread or a file: its
/// new slot must be the lowest free one, which a renaming does not keep.
std::vector<int> orbit_key(const Instance& in);

}  // namespace pasid
