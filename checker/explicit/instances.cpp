#include "instances.hpp"

namespace pasid {

namespace {

/// The values parameter p ranges over.
int range(Param p, const Bounds& b) {
  switch (p) {
    case Param::thread:
    case Param::new_thread:
      return b.threads;
    case Param::device:
      return b.devices;
    case Param::file:
    case Param::new_file:
      return b.files;
    case Param::new_proc:
      return b.processes;
    case Param::new_mm:
      return b.mms;
    case Param::pasid:
      return b.pasids;
  }
  return 0;
}

void set(Args<Concrete>& a, Param p, int v) {
  switch (p) {
    case Param::thread:
      a.thread = v;
      break;
    case Param::device:
      a.device = v;
      break;
    case Param::file:
      a.file = v;
      break;
    case Param::new_thread:
      a.new_thread = v;
      break;
    case Param::new_proc:
      a.new_proc = v;
      break;
    case Param::new_mm:
      a.new_mm = v;
      break;
    case Param::new_file:
      a.new_file = v;
      break;
    case Param::pasid:
      a.pasid = Concrete::num(v + 1);
      break;
  }
}

void expand(const RuleInfo& info, int rule, int k, Args<Concrete> a, const Bounds& b,
            std::vector<Instance>& out) {
  if (k == info.param_count) {
    out.push_back({rule, a});
    return;
  }
  Param p = info.params[static_cast<unsigned>(k)];
  for (int v = 0; v < range(p, b); ++v) {
    set(a, p, v);
    expand(info, rule, k + 1, a, b, out);
  }
}

}  // namespace

std::vector<Instance> rule_instances(const Bounds& b) {
  std::vector<Instance> out;
  for (int r = 0; r < kRuleCount; ++r) expand(rule_info(r), r, 0, Args<Concrete>{}, b, out);
  return out;
}

std::string instance_name(int rule, const Args<Concrete>& a) {
  const RuleInfo& info = rule_info(rule);
  std::string s = std::string(info.name) + "(";
  for (int k = 0; k < info.param_count; ++k) {
    if (k) s += ", ";
    switch (info.params[static_cast<unsigned>(k)]) {
      case Param::thread:
        s += "t" + std::to_string(a.thread);
        break;
      case Param::device:
        s += "dev" + std::to_string(a.device);
        break;
      case Param::file:
        s += "f" + std::to_string(a.file);
        break;
      case Param::new_thread:
        s += "child t" + std::to_string(a.new_thread);
        break;
      case Param::new_proc:
        s += "proc" + std::to_string(a.new_proc);
        break;
      case Param::new_mm:
        s += "mm" + std::to_string(a.new_mm);
        break;
      case Param::new_file:
        s += "f" + std::to_string(a.new_file);
        break;
      case Param::pasid:
        s += "pasid " + std::to_string(a.pasid);
        break;
    }
  }
  return s + ")";
}

}  // namespace pasid
