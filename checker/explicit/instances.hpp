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

/// "open(t0, dev0, f1, p2)": the instance as a call.
std::string instance_name(int rule, const Args<Concrete>& a);

}  // namespace pasid
