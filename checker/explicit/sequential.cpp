#include <exception>

#include "search.hpp"

namespace pasid {

namespace {

/// Steps counted as the workers count them (count_step), added to the search's statistics
/// however the search ends: done, or a field out of range thrown past it.
class Tally {
 public:
  Tally(std::size_t invariants, Stats& into) : into_(into) { counts.reset(invariants); }
  ~Tally() { counts.add_to(into_); }
  Tally(const Tally&) = delete;
  Tally& operator=(const Tally&) = delete;
  StepCounts counts;

 private:
  Stats& into_;
};

}  // namespace

void Search::explore() {
  const ExpansionContext c = context();
  Lookahead ahead(c, representatives_.empty() ? nullptr : &representatives_.front());
  Tally tally(pb_.invariants.size(), stats_);
  for (std::uint32_t i = 0; i < count_ && !done(); ++i) {
    enter(i);
    pace(i);
    const Batch& b = ahead.at(i, count_);
    for (std::size_t n = 0; n < b.size && !done(); ++n) add_step(c, i, b, n, tally.counts);
    if (b.error && !done()) std::rethrow_exception(b.error);  // where one step at a time stops
  }
}

void Search::add_step(const ExpansionContext& c, std::uint32_t i, const Batch& b, std::size_t n,
                      StepCounts& counts) {
  const std::size_t k = b.instance[n];
  Verdicts v;
  v.step = count_step(c, b, n, counts);
  auto to = insert(&b.rep[n * codec_.width()], b.key[n]);
  if (to.second) v.state = broken(state_invariants_, b.from, b.log[n], b.next[n]);
  if (v.step || v.state) note_violation(i, static_cast<int>(k), b.from, b.log[n], b.next[n]);
  record(i, to, k, v);
}

}  // namespace pasid
