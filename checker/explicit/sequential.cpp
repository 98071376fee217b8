#include <exception>

#include "search.hpp"

namespace pasid {

void Search::explore() {
  const ExpansionContext c = context();
  Lookahead ahead(c, representatives_.empty() ? nullptr : &representatives_.front());
  for (std::uint32_t i = 0; i < count_ && !done(); ++i) {
    enter(i);
    pace(i);
    const Batch& b = ahead.at(i, count_);
    for (std::size_t n = 0; n < b.size && !done(); ++n) add_step(i, b, n);
    if (b.error && !done()) std::rethrow_exception(b.error);  // where one step at a time stops
  }
}

void Search::add_step(std::uint32_t i, const Batch& b, std::size_t n) {
  const std::size_t k = b.instance[n];
  const State<Concrete>& next = b.next[n];
  ++stats_.transitions;
  ++stats_.rule_fired[static_cast<unsigned>(instances_[k].rule)];
  count_observations(b.log[n], stats_.seen, stats_.pasid_frees_at);
  auto to = insert(&b.rep[n * codec_.width()], b.key[n]);
  record(i, to, k, check_step(b.from, b.log[n], next, to.second, i, static_cast<int>(k)));
}

}  // namespace pasid
