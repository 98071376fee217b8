#pragma once
// Rule instances: every rule with every combination of parameter values the bounds allow.

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
