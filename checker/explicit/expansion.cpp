#include "expansion.hpp"

#include <thread>

#include "successor.hpp"
#include "symmetry.hpp"

namespace pasid {

namespace {

void count(const Log<Concrete>& log, Expansion& out) {
  for (const auto& o : log) {
    ++out.seen[static_cast<unsigned>(o.kind)];
    if (o.kind == Seen::pasid_free) ++out.frees_at[static_cast<unsigned>(o.site)];
  }
}

/// Packs the representative of `next` into `out`.
void pack_representative(const ExpansionContext& c, const State<Concrete>& next,
                         std::uint8_t* out) {
  if (!c.symmetry) return c.codec.pack(next, out);
  State<Concrete> rep = next;
  canonicalize(rep, c.pb.bounds);
  c.codec.pack(rep, out);
}

/// Appends one record: the step s --in--> next and its verdicts; the state invariants only
/// when next is not known already (the search checks them on new states only).
void add_record(const ExpansionContext& c, const State<Concrete>& s, std::size_t k,
                const State<Concrete>& next, const Log<Concrete>& log, Expansion& out) {
  const std::size_t w = c.codec.width();
  std::size_t at = out.rep.size();
  out.rep.resize(at + w);
  pack_representative(c, next, &out.rep[at]);
  bool step = false;
  for (std::size_t i : c.step_invariants) {
    const Property& p = c.pb.invariants[i];
    if (property_premise(p, c.pb.bounds, s, log, next)) ++out.step_premises[i];
    step = step || !property_holds(p, c.pb.bounds, s, log, next);
  }
  out.instance.push_back(static_cast<std::uint32_t>(k));
  out.step_broken.push_back(step);
  count(log, out);
  if (c.table.contains(&out.rep[at])) {
    out.rep.resize(at);
    out.fresh.push_back(kKnown);
    return;
  }
  out.fresh.push_back(static_cast<std::uint32_t>(at / w));
  if (c.symmetry) {
    out.concrete.resize(at + w);
    c.codec.pack(next, &out.concrete[at]);
  }
  bool state = false;
  std::uint64_t premises = 0;
  for (std::size_t j = 0; j < c.state_invariants.size(); ++j) {
    const Property& p = c.pb.invariants[c.state_invariants[j]];
    if (property_premise(p, c.pb.bounds, s, log, next)) premises |= std::uint64_t{1} << j;
    state = state || !property_holds(p, c.pb.bounds, s, log, next);
  }
  out.state_broken.push_back(state);
  out.state_premises.push_back(premises);
}

}  // namespace

void expand(const ExpansionContext& c, std::uint32_t begin, std::uint32_t end, Expansion& out) {
  out.begin = begin;
  out.step_premises.assign(c.pb.invariants.size(), 0);
  out.seen.assign(kSeenKinds, 0);
  out.frees_at.assign(kFreeSites, 0);
  State<Concrete> s{};
  Log<Concrete> log;
  for (std::uint32_t i = begin; i < end; ++i) {
    out.first.push_back(static_cast<std::uint32_t>(out.instance.size()));
    c.codec.unpack(c.stored(i), s);
    try {
      for (std::size_t k = 0; k < c.instances.size(); ++k) {
        const Instance& in = c.instances[k];
        if (!rule_guard(in.rule, s, c.pb.bounds, c.pb.design, in.args)) continue;
        State<Concrete> next = successor(c.pb, s, in, log);
        add_record(c, s, k, next, log, out);
      }
    } catch (...) {
      out.error = std::current_exception();
      out.error_state = i;
      break;
    }
  }
  out.first.push_back(static_cast<std::uint32_t>(out.instance.size()));
}

std::vector<Expansion> expand_parallel(const ExpansionContext& c, std::uint32_t begin,
                                       std::uint32_t end, int parts) {
  std::vector<Expansion> out(static_cast<std::size_t>(parts));
  std::uint32_t n = end - begin, per = (n + static_cast<std::uint32_t>(parts) - 1) / parts;
  auto run = [&](int j) {
    std::uint32_t b = std::min(end, begin + per * static_cast<std::uint32_t>(j));
    expand(c, b, std::min(end, b + per), out[static_cast<std::size_t>(j)]);
  };
  std::vector<std::jthread> workers;
  for (int j = 1; j < parts; ++j) workers.emplace_back(run, j);
  run(0);
  workers.clear();  // joins
  return out;
}

}  // namespace pasid
