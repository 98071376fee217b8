#include <array>
#include <exception>

#include "search.hpp"

namespace pasid {

void Search::fill(std::uint32_t i, Batch& b) {
  const std::size_t w = codec_.width();
  const State<Concrete>& s = b.from;
  codec_.unpack(stored(i), b.from);
  b.index = i;
  b.prefetched = false;
  b.size = 0;
  b.error = nullptr;
  for (std::size_t k = 0; k < instances_.size(); ++k) {
    const Instance& in = instances_[k];
    if (!rule_guard(in.rule, s, pb_.bounds, pb_.design, in.args)) continue;
    if (b.size == b.next.size()) {
      b.instance.emplace_back();
      b.next.emplace_back();
      b.log.emplace_back();
      b.key.emplace_back();
      b.rep.resize(b.rep.size() + w);
    }
    std::size_t n = b.size;
    try {
      successor(pb_, s, in, b.log[n], b.next[n]);
      pack(b.next[n], &b.rep[n * w]);
    } catch (...) {
      b.error = std::current_exception();
      return;
    }
    b.instance[n] = k;
    b.key[n] = visited_.prepare(&b.rep[n * w]);
    ++b.size;
  }
}

Search::Batch& Search::batch(std::array<Batch, 3>& ring, std::uint32_t i) {
  Batch& b = ring[i % ring.size()];
  if (b.index != i) fill(i, b);
  return b;
}

void Search::explore() {
  std::array<Batch, 3> ring;
  for (std::uint32_t i = 0; i < count_ && !done(); ++i) {
    enter(i);
    pace(i);
    Batch& b = batch(ring, i);
    if (i + 1 < count_) {
      Batch& next = batch(ring, i + 1);
      for (std::size_t n = 0; n < next.size && !next.prefetched; ++n)
        visited_.prepare_more(next.key[n]);
      next.prefetched = true;
    }
    if (i + 2 < count_) batch(ring, i + 2);
    for (std::size_t n = 0; n < b.size && !done(); ++n) add_step(i, b.from, b, n);
    if (b.error && !done()) std::rethrow_exception(b.error);  // where one step at a time stops
  }
}

void Search::add_step(std::uint32_t i, const State<Concrete>& s, const Batch& b, std::size_t n) {
  const std::size_t k = b.instance[n];
  const State<Concrete>& next = b.next[n];
  ++stats_.transitions;
  ++stats_.rule_fired[static_cast<unsigned>(instances_[k].rule)];
  count_observations(b.log[n], stats_.seen, stats_.pasid_frees_at);
  auto to = insert(&b.rep[n * codec_.width()], b.key[n]);
  if (to.second && keeps_concrete()) {
    codec_.pack(next, packed_.data());
    keep_concrete(packed_.data());
  }
  record(i, to, k, next, check_step(s, b.log[n], next, to.second, i, static_cast<int>(k)));
}

}  // namespace pasid
