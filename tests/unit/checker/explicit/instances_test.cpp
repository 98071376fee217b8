// The explicit engine evaluates the guard of an instance that creates an object only where
// its new slots are the lowest free ones (checker/explicit/instances.hpp, new_slots): that
// is sound only while every such guard requires model/new_slot.hpp's takes_slot().  On
// random walks of every design: no instance outside free_slots() is enabled, free_slots()
// is what takes_slot() says, and every instance that may fire is looked at.

#include <doctest/doctest.h>

#include <string>

#include "../walk.hpp"
#include "checker/explicit/instances.hpp"
#include "model/new_slot.hpp"

using namespace pasid;

namespace {

/// free_slots(s) byte by byte against takes_slot().
void check_free_slots(const State<Concrete>& s, const Bounds& b) {
  const int count[kNewParamCount] = {b.threads, b.processes, b.mms, b.files};
  std::uint32_t free = free_slots(s, b);
  for (unsigned j = 0; j < kNewParamCount; ++j) {
    std::uint32_t lowest = 0xff;
    for (int k = 0; k < count[j]; ++k)
      if (takes_slot(s, b, kNewParams[j], k)) {
        CHECK(lowest == 0xff);  // at most one slot is the lowest free
        lowest = static_cast<std::uint32_t>(k);
      }
    CHECK(((free >> (8 * j)) & 0xff) == lowest);
  }
}

/// Over random walks of design z: an enabled instance always passes may_fire().
int check_design(const Design& z, const Bounds& b, const std::string& name) {
  Problem pb;
  pb.design = z;
  pb.bounds = b;
  auto instances = rule_instances(b);
  int enabled = 0;
  for (const auto& s : test::random_walks(pb, 30, 40, 7)) {
    check_free_slots(s, b);
    std::uint32_t free = free_slots(s, b);
    for (const Instance& in : instances) {
      if (!rule_guard(in.rule, s, b, z, in.args)) continue;
      INFO(name, ": ", instance_name(in.rule, in.args));
      CHECK(may_fire(new_slots(in), free));
      enabled += new_slots(in).mask != 0;
    }
  }
  return enabled;
}

}  // namespace

TEST_CASE("new_slots: the bytes of an instance's new-object parameters") {
  for (const Instance& in : rule_instances(Bounds{})) {
    const RuleInfo& info = rule_info(in.rule);
    NewSlots n = new_slots(in);
    std::uint32_t mask = 0;
    for (int k = 0; k < info.param_count; ++k)
      for (unsigned j = 0; j < kNewParamCount; ++j)
        if (info.params[static_cast<unsigned>(k)] == kNewParams[j]) {
          mask |= 0xffu << (8 * j);
          CHECK(((n.slots >> (8 * j)) & 0xff) ==
                static_cast<std::uint32_t>(param_value(in.args, kNewParams[j])));
        }
    CHECK(n.mask == mask);
    CHECK((n.slots & ~n.mask) == 0);
  }
}

TEST_CASE("an instance whose new slots are not the lowest free ones is never enabled") {
  Bounds wide;
  wide.threads = 4;
  wide.processes = 3;
  wide.mms = 3;
  wide.files = 3;
  int creating = 0;
  for (const Bounds& b : {Bounds{}, wide}) {
    for (const auto& v : variants()) {
      Design z;
      v.apply(z);
      creating += check_design(z, b, v.name);
    }
    for (const auto& m : mutants()) {
      Design z;
      m.apply(z);
      creating += check_design(z, b, m.name);
    }
  }
  CHECK(creating > 1000);  // the walks fire many creating instances
}

TEST_CASE("may_fire: no free slot matches no instance that needs one") {
  State<Concrete> s = initial_state<Concrete>();
  Bounds b;
  for (int t = 0; t < b.threads; ++t) s.threads[t].alive = true, s.threads[t].proc = 0;
  std::uint32_t free = free_slots(s, b);
  CHECK((free & 0xff) == 0xff);
  for (const Instance& in : rule_instances(b))
    if (in.args.new_thread != kNone) CHECK_FALSE(may_fire(new_slots(in), free));
}
