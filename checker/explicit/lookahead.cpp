#include "lookahead.hpp"

#include <cassert>

#include "model/new_slot.hpp"
#include "successor.hpp"
#include "twins.hpp"

namespace pasid {

Lookahead::Lookahead(const ExpansionContext& c, Representatives* reps) : c_(c), reps_(reps) {
  // rule_instances() lists them rule by rule, in table order.
  for (const Instance& in : c.instances) ++first_[static_cast<std::size_t>(in.rule) + 1];
  for (std::size_t r = 0; r < kRuleCount; ++r) first_[r + 1] += first_[r];
  for (const Instance& in : c.instances) screen_.push_back({new_slots(in), twin_slots(in.args)});
  for (std::size_t k = 0; k < c.instances.size(); ++k)
    assert(first_[static_cast<std::size_t>(c.instances[k].rule)] <= k &&
           k < first_[static_cast<std::size_t>(c.instances[k].rule) + 1]);
}

void Lookahead::fill(std::uint32_t i, Batch& b) const {
  const std::uint8_t* packed = c_.stored(i);
  c_.codec.unpack(packed, b.from);
  b.index = i;
  b.prefetched = false;
  b.size = 0;
  b.error = nullptr;
  // Rule by rule, so that each rule's guard and effect are inlined, not looked up.
  const std::uint32_t free = free_slots(b.from, c_.pb.bounds);
  // With symmetry, of the steps that differ by interchangeable slots only the lowest.
  const std::uint32_t spared = c_.spare_twins ? twins(b.from, c_.pb.bounds).slots() : 0;
  for_each_rule([&](auto r) {
    if (!b.error) fill_rule<decltype(r)>(b, packed, free, spared);
  });
}

template <class R>
void Lookahead::fill_rule(Batch& b, const std::uint8_t* packed, std::uint32_t free,
                          std::uint32_t spared) const {
  constexpr auto rule = static_cast<std::size_t>(rule_index<R>());
  constexpr bool creates = [] {
    for (int k = 0; k < R::info.param_count; ++k)
      if (is_new(R::info.params[static_cast<std::size_t>(k)])) return true;
    return false;
  }();
  const std::size_t w = c_.codec.width();
  for (std::size_t k = first_[rule]; k < first_[rule + 1]; ++k) {
    const Instance& in = c_.instances[k];
    const Screen& screen = screen_[k];
    if (creates && !may_fire(screen.fresh, free)) continue;  // a guard that cannot hold
    if (screen.twins & spared) continue;
    if (!R::guard(b.from, c_.pb.bounds, c_.pb.design, in.args)) continue;
    if (b.size == b.next.size()) {
      b.instance.emplace_back();
      b.next.emplace_back();
      b.log.emplace_back();
      b.key.emplace_back();
      b.rep.resize(b.rep.size() + w);
    }
    std::size_t n = b.size;
    try {
      successor<R>(c_.pb, b.from, in, b.log[n], b.next[n]);
      pack_representative(c_, b.from, packed, b.next[n], &b.rep[n * w], reps_);
    } catch (...) {
      b.error = std::current_exception();
      return;
    }
    b.instance[n] = k;
    b.key[n] = c_.visited.prepare(&b.rep[n * w]);
    ++b.size;
  }
}

Batch& Lookahead::batch(std::uint32_t i) {
  Batch& b = ring_[i % ring_.size()];
  if (b.index != i) fill(i, b);
  return b;
}

const Batch& Lookahead::at(std::uint32_t i, std::uint32_t end) {
  Batch& b = batch(i);
  if (i + 1 < end) {
    Batch& next = batch(i + 1);
    for (std::size_t n = 0; n < next.size && !next.prefetched; ++n)
      c_.visited.prepare_more(next.key[n]);
    next.prefetched = true;
  }
  if (i + 2 < end) batch(i + 2);
  return b;
}

}  // namespace pasid
