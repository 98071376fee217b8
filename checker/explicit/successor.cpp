#include "successor.hpp"

namespace pasid {

State<Concrete> successor(const Problem& pb, const State<Concrete>& s, const Instance& in,
                          Log<Concrete>& log) {
  State<Concrete> next;
  successor(pb, s, in, log, next);
  return next;
}

void successor(const Problem& pb, const State<Concrete>& s, const Instance& in, Log<Concrete>& log,
               State<Concrete>& next) {
  with_rule(in.rule, [&](auto r) { successor<decltype(r)>(pb, s, in, log, next); });
}

std::vector<int> all_broken(const Problem& pb, const State<Concrete>& pre, const Log<Concrete>& log,
                            const State<Concrete>& post) {
  std::vector<int> out;
  for (std::size_t i = 0; i < pb.invariants.size(); ++i)
    if (!property_holds(pb.invariants[i], pb.bounds, pre, log, post))
      out.push_back(static_cast<int>(i));
  return out;
}

void count_observations(const Log<Concrete>& log, std::vector<std::uint64_t>& seen,
                        std::vector<std::uint64_t>& frees_at) {
  for (const auto& o : log) {
    ++seen[static_cast<unsigned>(o.kind)];
    if (o.kind == Seen::pasid_free) ++frees_at[static_cast<unsigned>(o.site)];
  }
}

std::optional<Counterexample> replay_path(const Problem& pb, const std::vector<Instance>& path) {
  Counterexample cex{initial_state<Concrete>(), {}, kNone, {}};
  State<Concrete> s = cex.initial;
  Log<Concrete> log;
  cex.broken = all_broken(pb, s, log, s);
  for (const Instance& in : path) {
    if (!rule_guard(in.rule, s, pb.bounds, pb.design, in.args)) return std::nullopt;
    State<Concrete> next = successor(pb, s, in, log);
    cex.broken = all_broken(pb, s, log, next);
    cex.steps.push_back({in.rule, in.args, log, next});
    s = next;
  }
  if (cex.broken.empty()) return std::nullopt;
  cex.invariant = cex.broken.front();
  return cex;
}

std::optional<Counterexample> replay_path(const Problem& pb, const std::vector<Instance>& path,
                                          int invariant) {
  auto cex = replay_path(pb, path);
  if (!cex || cex->invariant != invariant) return std::nullopt;
  return cex;
}

}  // namespace pasid
