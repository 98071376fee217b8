#include "backtrack.hpp"

#include <algorithm>
#include <stdexcept>

#include "successor.hpp"
#include "symmetry.hpp"

namespace pasid {

namespace {

/// The level of stored state t.
std::size_t depth_of(const std::vector<std::uint32_t>& level_first, std::uint32_t t) {
  auto after = std::upper_bound(level_first.begin(), level_first.end(), t);
  return static_cast<std::size_t>(after - level_first.begin() - 1);
}

/// The first state of the level before t's with a step to t, and the step's instance.  t was
/// stored as the representative of a successor of one, so one is always found.
std::pair<std::uint32_t, std::size_t> step_into(const ExpansionContext& c,
                                                const std::vector<std::uint32_t>& level_first,
                                                std::uint32_t t) {
  std::size_t d = depth_of(level_first, t);
  State<Concrete> s{};
  Log<Concrete> log;
  std::vector<std::uint8_t> packed(c.codec.width());
  for (std::uint32_t j = level_first[d - 1]; j < level_first[d]; ++j) {
    c.codec.unpack(c.stored(j), s);
    for (std::size_t k = 0; k < c.instances.size(); ++k) {
      const Instance& in = c.instances[k];
      if (!rule_guard(in.rule, s, c.pb.bounds, c.pb.design, in.args)) continue;
      pack_representative(c, successor(c.pb, s, in, log), packed.data());
      if (std::equal(packed.begin(), packed.end(), c.stored(t))) return {j, k};
    }
  }
  throw std::logic_error("a stored state has no predecessor");
}

bool allocates(Param p) {
  return p == Param::new_thread || p == Param::new_proc || p == Param::new_mm ||
         p == Param::new_file || p == Param::pasid;
}

/// Where renaming r takes state `cur` to the stored state that step `in` leaves: the steps
/// from cur that r makes into `in`.  That is `in` renamed back, or, where that takes a new
/// slot (thread, process, mm, file, PASID) other than cur's lowest free one, the same call
/// with cur's own; the two free slots are alike, so r with their names exchanged still
/// takes cur to the same state.  For each, in search order, calls accept(step, next, log,
/// r'), r' taking its successor `next` where `in` goes, until accept returns true.
template <class Accept>
bool step_like(const ExpansionContext& c, const State<Concrete>& cur, const Renaming& r,
               const Instance& in, Accept&& accept) {
  const Instance back = rename(in, r.inverse());
  const RuleInfo& info = rule_info(in.rule);
  Log<Concrete> log;
  State<Concrete> next;
  for (const Instance& cand : c.instances) {
    if (cand.rule != in.rule) continue;
    Renaming moved = r;
    bool alike = true;
    for (int k = 0; k < info.param_count && alike; ++k) {
      Param p = info.params[static_cast<unsigned>(k)];
      int a = slot_of(back.args, p), b = slot_of(cand.args, p);
      if (a == b) continue;
      const auto& to = moved.to[sort_of(p)];
      alike = allocates(p);
      moved.swap_after(sort_of(p), to[b], to[a]);
    }
    if (!alike || !rule_guard(cand.rule, cur, c.pb.bounds, c.pb.design, cand.args)) continue;
    successor(c.pb, cur, cand, log, next);
    if (accept(cand, next, log, moved)) return true;
  }
  return false;
}

}  // namespace

std::vector<Instance> path_to(const ExpansionContext& c,
                              const std::vector<std::uint32_t>& level_first, std::uint32_t t,
                              std::vector<std::uint32_t>* states) {
  std::vector<Instance> path;
  if (states) states->insert(states->begin(), t);
  while (t != 0) {
    auto [from, k] = step_into(c, level_first, t);
    path.insert(path.begin(), c.instances[k]);
    if (states) states->insert(states->begin(), from);
    t = from;
  }
  return path;
}

std::vector<Instance> real_path(const ExpansionContext& c, const std::vector<std::uint32_t>& states,
                                const std::vector<Instance>& path, const Instance& last,
                                int invariant) {
  std::vector<Instance> out;
  State<Concrete> cur = initial_state<Concrete>(), stored{}, rep{};
  Renaming r = c.symmetry ? canonicalize(rep = cur, c.pb.bounds) : Renaming::identity();
  std::vector<std::uint8_t> packed(c.codec.width());
  Log<Concrete> log;
  auto unrenamed = [&](const Instance& in, auto&& accept) {
    bool found = step_like(c, cur, r, in,
                           [&](const Instance& cand, const State<Concrete>& next,
                               const Log<Concrete>& l, const Renaming& moved) {
                             if (!accept(next, l, moved)) return false;
                             out.push_back(cand);
                             cur = next;
                             return true;
                           });
    if (!found) throw std::logic_error("a step of a path has no renaming");
  };
  for (std::size_t i = 0; i < path.size(); ++i) {
    c.codec.unpack(c.stored(states[i]), stored);
    successor(c.pb, stored, path[i], log, rep);
    Renaming to = c.symmetry ? canonicalize(rep, c.pb.bounds) : Renaming::identity();
    unrenamed(path[i], [&](const State<Concrete>& next, const Log<Concrete>&, const Renaming& m) {
      Renaming whole = m.then(to);
      State<Concrete> there = next;
      rename(there, c.pb.bounds, whole);
      c.codec.pack(there, packed.data());
      if (!std::equal(packed.begin(), packed.end(), c.stored(states[i + 1]))) return false;
      r = whole;
      return true;
    });
  }
  unrenamed(last, [&](const State<Concrete>& next, const Log<Concrete>& l, const Renaming&) {
    auto broken = all_broken(c.pb, cur, l, next);
    return !broken.empty() && broken.front() == invariant;
  });
  return out;
}

}  // namespace pasid
