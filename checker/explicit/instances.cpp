#include "instances.hpp"

#include <stdexcept>
#include <utility>

#include "model/new_slot.hpp"

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

void expand(const RuleInfo& info, int rule, int k, Args<Concrete> a, const Bounds& b,
            std::vector<Instance>& out) {
  if (k == info.param_count) {
    out.push_back({rule, a});
    return;
  }
  Param p = info.params[static_cast<unsigned>(k)];
  for (int v = 0; v < range(p, b); ++v) {
    if (p == Param::pasid)
      a.pasid = Concrete::num(v + 1);
    else
      param_slot(a, p) = v;
    expand(info, rule, k + 1, a, b, out);
  }
}

}  // namespace

std::vector<Instance> rule_instances(const Bounds& b) {
  std::vector<Instance> out;
  for (int r = 0; r < kRuleCount; ++r) expand(rule_info(r), r, 0, Args<Concrete>{}, b, out);
  return out;
}

NewSlots new_slots(const Instance& in) {
  const RuleInfo& info = rule_info(in.rule);
  NewSlots out;
  for (int k = 0; k < info.param_count; ++k)
    for (unsigned j = 0; j < kNewParamCount; ++j)
      if (info.params[static_cast<unsigned>(k)] == kNewParams[j]) {
        auto v = static_cast<std::uint32_t>(param_value(in.args, kNewParams[j]));
        out.slots |= v << (8 * j);
        out.mask |= 0xffu << (8 * j);
      }
  return out;
}

std::uint32_t free_slots(const State<Concrete>& s, const Bounds& b) {
  std::uint32_t out = 0;
  for (unsigned j = 0; j < kNewParamCount; ++j) {
    std::uint32_t lowest = 0xff;
    for (int k = range(kNewParams[j], b) - 1; k >= 0; --k)
      if (slot_free(s, b, kNewParams[j], k)) lowest = static_cast<std::uint32_t>(k);
    out |= lowest << (8 * j);
  }
  return out;
}

namespace {

/// The slot field parameter p names, in a const or mutable Args.
template <class A>
auto& slot_field(A& a, Param p) {
  switch (p) {
    case Param::thread:
      return a.thread;
    case Param::device:
      return a.device;
    case Param::file:
      return a.file;
    case Param::new_thread:
      return a.new_thread;
    case Param::new_proc:
      return a.new_proc;
    case Param::new_mm:
      return a.new_mm;
    case Param::new_file:
      return a.new_file;
    case Param::pasid:
      break;
  }
  throw std::logic_error("the PASID parameter is not a slot");
}

}  // namespace

int& param_slot(Args<Concrete>& a, Param p) {
  return slot_field(a, p);
}

int param_value(const Args<Concrete>& a, Param p) {
  return p == Param::pasid ? a.pasid : slot_field(a, p);
}

const char* param_name(Param p) {
  static const char* const names[] = {"thread",   "device", "file",     "new_thread",
                                      "new_proc", "new_mm", "new_file", "pasid"};
  return names[static_cast<unsigned>(p)];
}

std::string instance_name(int rule, const Args<Concrete>& a) {
  static const char* const prefix[] = {"t", "dev", "f", "child t", "proc", "mm", "f", "pasid "};
  const RuleInfo& info = rule_info(rule);
  std::string s = std::string(info.name) + "(";
  for (int k = 0; k < info.param_count; ++k) {
    Param p = info.params[static_cast<unsigned>(k)];
    if (k) s += ", ";
    s += prefix[static_cast<unsigned>(p)] + std::to_string(param_value(a, p));
  }
  return s + ")";
}

std::vector<int> orbit_key(const Instance& in) {
  const RuleInfo& info = rule_info(in.rule);
  std::vector<int> key{in.rule};
  std::vector<std::pair<Param, int>> slots;  // each (sort, slot) named so far, once
  for (int k = 0; k < info.param_count; ++k) {
    Param p = info.params[static_cast<unsigned>(k)];
    if (p == Param::new_thread || p == Param::new_file) return {};
    std::pair<Param, int> slot{p, param_value(in.args, p)};
    if (p != Param::thread && p != Param::device && p != Param::file) {  // not renamed
      key.insert(key.end(), {static_cast<int>(p), slot.second});
      continue;
    }
    int rank = 0;  // among the slots of its sort, in order of first naming
    auto at = slots.begin();
    for (; at != slots.end() && *at != slot; ++at) rank += at->first == p;
    if (at == slots.end()) slots.push_back(slot);
    key.insert(key.end(), {static_cast<int>(p), rank});
  }
  return key;
}

}  // namespace pasid
