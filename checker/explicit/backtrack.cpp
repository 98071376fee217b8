#include "backtrack.hpp"

#include <algorithm>
#include <stdexcept>

#include "successor.hpp"

namespace pasid {

namespace {

/// The level of stored state t.
std::size_t depth_of(const std::vector<std::uint32_t>& level_first, std::uint32_t t) {
  auto after = std::upper_bound(level_first.begin(), level_first.end(), t);
  return static_cast<std::size_t>(after - level_first.begin() - 1);
}

/// The first state of the level before t's with a step to t, and the step's instance.  t was
/// stored as the successor of one (itself, not a renaming), so one is always found.
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
      c.codec.pack(successor(c.pb, s, in, log), packed.data());
      if (std::equal(packed.begin(), packed.end(), c.stored(t))) return {j, k};
    }
  }
  throw std::logic_error("internal error: a stored state has no predecessor");
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

}  // namespace pasid
