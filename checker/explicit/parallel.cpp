#include <algorithm>
#include <utility>

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
  std::vector<Expansion> run;  // expanded, not yet added
  for (std::uint32_t i = 0; !done() && (i < count_ || !run.empty());) {
    if (visited_.exact()) {
      std::size_t may_add = 0;
      for (const Expansion& e : run) may_add += e.key.size();
      visited_.reserve(std::size_t{count_} + may_add);
    } else if (!merge_all(std::exchange(run, {}))) {
      break;
    }
    const std::uint32_t end = std::min(count_, i + kRunPerThread * n);
    run = expand_parallel(c, i, end, options_.threads, reps, [&] { return merge_all(run); });
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
  std::uint32_t merged = 0;  // records
  for (std::uint32_t s = 0; s + 1 < e.first.size() && !done(); ++s) {
    std::uint32_t i = e.begin + s;
    enter(i);
    pace(i);
    for (std::uint32_t r = e.first[s]; r < e.first[s + 1] && !done(); ++r) {
      merge_record(e, i, r);
      merged = r + 1;
    }
    if (e.error && i == e.error_state && !done()) {
      count(e, merged);
      std::rethrow_exception(e.error);
    }
  }
  count(e, merged);
}

void Search::count(const Expansion& e, std::uint32_t merged) {
  if (merged < e.instance.size()) return count_again(e, merged);
  for (std::size_t j = 0; j < e.step_premises.size(); ++j)
    stats_.premise_held[j] += e.step_premises[j];
  for (std::size_t j = 0; j < e.seen.size(); ++j) stats_.seen[j] += e.seen[j];
  for (std::size_t j = 0; j < e.frees_at.size(); ++j) stats_.pasid_frees_at[j] += e.frees_at[j];
}

void Search::count_again(const Expansion& e, std::uint32_t merged) {
  State<Concrete> s = initial_state<Concrete>();  // for the slots past the bounds
  Log<Concrete> log;
  for (std::uint32_t k = 0; k + 1 < e.first.size() && e.first[k] < merged; ++k) {
    codec_.unpack(stored(e.begin + k), s);
    for (std::uint32_t r = e.first[k]; r < std::min(merged, e.first[k + 1]); ++r) {
      State<Concrete> next = successor(pb_, s, instances_[e.instance[r]], log);
      count_observations(log, stats_.seen, stats_.pasid_frees_at);
      std::uint64_t held = 0;
      step_invariants_.broken(s, log, next, held);
      step_invariants_.count(held, stats_.premise_held);
    }
  }
}

void Search::merge_record(const Expansion& e, std::uint32_t i, std::uint32_t r) {
  const std::size_t w = codec_.width();
  const std::uint32_t k = e.instance[r];
  ++stats_.transitions;
  ++stats_.rule_fired[static_cast<unsigned>(instances_[k].rule)];
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
    violation_ = Violation{i, static_cast<int>(k), all_broken(pb_, s, log, next).front()};
  }
}

}  // namespace pasid
