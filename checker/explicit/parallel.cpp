#include <algorithm>

#include "search.hpp"

namespace pasid {

void Search::explore_parallel() {
  constexpr std::uint32_t kRunPerThread = 4096;
  const ExpansionContext c = context();
  const auto n = static_cast<std::uint32_t>(options_.threads);
  auto reps = representatives_.empty() ? nullptr : &representatives_;
  // Each run is added here while the workers expand the next: the states stored before it
  // is added.  They read the table meanwhile, so it first makes room for all the run may
  // add, and nothing in it moves.  A bitstate search adds each run before the next.
  std::vector<Expansion> run;   // expanded, not yet added
  std::vector<Expansion> next;  // added; its room is filled with the run after
  for (std::uint32_t i = 0; !done() && (i < count_ || !run.empty());) {
    const bool exact = visited_.exact();
    if (exact) {
      std::size_t may_add = 0;
      for (const Expansion& e : run) may_add += e.key.size();
      visited_.reserve(std::size_t{count_} + may_add);
    } else if (!merge_all(run)) {
      break;
    }
    const std::uint32_t end = std::min(count_, i + kRunPerThread * n);
    expand_parallel(c, i, end, options_.threads, next, reps,
                    [&] { return !exact || merge_all(run); });
    run.swap(next);
    i = end;
  }
}

bool Search::merge_all(const std::vector<Expansion>& run) {
  for (const Expansion& e : run) {
    if (done()) break;
    merge(e);
  }
  return !done();
}

void Search::merge(const Expansion& e) {
  const auto states = static_cast<std::uint32_t>(e.first.size() - 1);
  for (std::uint32_t s = 0; s < states; ++s) {
    const std::uint32_t i = e.begin + s;
    enter(i);
    pace(i);
    std::uint32_t r = e.first[s];
    for (; r < e.first[s + 1] && !done(); ++r) merge_record(e, i, r);
    // Where one step at a time stops: after the violating step, before a state past the
    // memory limit, after the steps computed before the one that threw.
    if (done()) return count_again(e, s, r > e.first[s] ? e.step[r - 1] + 1 : 0);
    if (e.error && i == e.error_state) {
      count_again(e, s, kEveryStep);
      std::rethrow_exception(e.error);
    }
  }
  e.counts.add_to(stats_);
}

void Search::count_again(const Expansion& e, std::uint32_t last, std::uint32_t steps) {
  StepCounts counts;
  counts.reset(pb_.invariants.size());
  const ExpansionContext c = context();
  Lookahead ahead(c);
  for (std::uint32_t s = 0; s <= last; ++s) {
    const Batch& b = ahead.at(e.begin + s, e.begin + s + 1);
    const std::size_t upto = s < last ? b.size : std::min<std::size_t>(steps, b.size);
    for (std::size_t n = 0; n < upto; ++n) count_step(c, b, n, counts);
  }
  counts.add_to(stats_);
}

void Search::merge_record(const Expansion& e, std::uint32_t i, std::uint32_t r) {
  const std::size_t w = codec_.width();
  const std::uint32_t k = e.instance[r];
  const std::uint32_t n = e.fresh[r];
  bool is_new = false;
  if (n != kKnown) {
    // Hints for the new ones to come, as explore() gives them: slots 16 ahead, the
    // states those slots name 8 ahead.
    if (n + 16 < e.key.size()) visited_.prefetch(e.key[n + 16]);
    if (n + 8 < e.key.size()) visited_.prepare_more(e.key[n + 8]);
    is_new = insert(&e.rep[n * w], e.key[n]).second;
  }
  if (is_new) state_invariants_.count(e.state_premises[n], stats_.premise_held);
  if ((e.step_broken[r] || (is_new && e.state_broken[n])) && !violation_) {
    State<Concrete> s{};
    codec_.unpack(stored(i), s);
    Log<Concrete> log;
    State<Concrete> next = successor(pb_, s, instances_[k], log);
    note_violation(i, static_cast<int>(k), s, log, next);
  }
}

}  // namespace pasid
