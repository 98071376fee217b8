#include "invariant_set.hpp"

#include <cassert>
#include <tuple>
#include <utility>

namespace pasid {

static_assert(kInvariantCount <= 32);

InvariantSet::InvariantSet(const Problem& pb, std::vector<std::size_t> which)
    : pb_(&pb), which_(std::move(which)) {
  assert(which_.size() <= static_cast<std::size_t>(kMaxInvariants));
  for (std::size_t j = 0; j < which_.size(); ++j) {
    int i = pb.invariants[which_[j]].builtin;
    if (i >= 0 && !((builtin_ >> i) & 1)) {
      builtin_ |= 1u << i;
      index_[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(j);
    } else {
      by_position_.push_back(static_cast<std::uint8_t>(j));
    }
  }
}

std::vector<std::size_t> invariants_reading(const Problem& pb, bool step) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < pb.invariants.size(); ++i)
    if (pb.invariants[i].reads_step() == step) out.push_back(i);
  return out;
}

[[gnu::flatten]] std::uint64_t InvariantSet::broken(const State<Concrete>& pre,
                                                    const Log<Concrete>& log,
                                                    const State<Concrete>& post,
                                                    std::uint64_t& held) const {
  const Bounds& b = pb_->bounds;
  std::uint64_t out = 0;
  auto check = [&]<class Inv>(Inv, std::size_t j) {
    if (Inv::premise(b, pre, log, post)) held |= std::uint64_t{1} << j;
    if (!Inv::holds(b, pre, log, post)) out |= std::uint64_t{1} << j;
  };
  [&]<int... I>(std::integer_sequence<int, I...>) {
    ((((builtin_ >> I) & 1) ? check(std::tuple_element_t<I, AllInvariants>{}, index_[I]) : void()),
     ...);
  }
  (std::make_integer_sequence<int, kInvariantCount>{});
  for (std::uint8_t j : by_position_) {
    const Property& p = pb_->invariants[which_[j]];
    if (property_premise(p, b, pre, log, post)) held |= std::uint64_t{1} << j;
    if (!property_holds(p, b, pre, log, post)) out |= std::uint64_t{1} << j;
  }
  return out;
}

}  // namespace pasid
