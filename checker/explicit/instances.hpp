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

}  // namespace pasid
