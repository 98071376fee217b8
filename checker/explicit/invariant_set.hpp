#pragma once
// The invariants a search checks on every transition (or every new state), set up once:
// checking them is a good part of the time a transition takes.

#include <array>
#include <bit>
#include <cstdint>
#include <vector>

#include "checker/engine.hpp"

namespace pasid {

/// The positions in pb.invariants of those that read the step (step), or else of those
/// that read only the state after it.
std::vector<std::size_t> invariants_reading(const Problem& pb, bool step);

/// Some of a problem's invariants, by position in pb.invariants.  The built-in ones are
/// checked in the order of the invariant table, each inlined, without looking each up by
/// number; the written ones (and a built-in one listed again) by position.
class InvariantSet {
 public:
  /// The invariants at positions `which` of pb.invariants: at most kMaxInvariants.
  InvariantSet(const Problem& pb, std::vector<std::size_t> which);

  /// Their positions in pb.invariants; j below is an index into these.
  const std::vector<std::size_t>& positions() const { return which_; }
  std::size_t size() const { return which_.size(); }

  /// Which of them the step pre --log--> post breaks: bit j for positions()[j].  Sets bit j
  /// of `held` for each one whose premise held.  Every one is evaluated, whatever broke.
  std::uint64_t broken(const State<Concrete>& pre, const Log<Concrete>& log,
                       const State<Concrete>& post, std::uint64_t& held) const;

  /// Bit positions()[j] for each bit j of `bits` (from broken()).
  std::uint64_t at_positions(std::uint64_t bits) const {
    std::uint64_t out = 0;
    for (; bits != 0; bits &= bits - 1)
      out |= std::uint64_t{1} << which_[static_cast<std::size_t>(std::countr_zero(bits))];
    return out;
  }

  /// Adds one to by_position[positions()[j]] for each bit j of `held` (from broken()).
  void count(std::uint64_t held, std::vector<std::uint64_t>& by_position) const {
    for (; held != 0; held &= held - 1)
      ++by_position[which_[static_cast<std::size_t>(std::countr_zero(held))]];
  }

 private:
  const Problem* pb_;
  std::vector<std::size_t> which_;
  std::uint32_t builtin_ = 0;                          // bit I: table entry I is among them
  std::array<std::uint8_t, kInvariantCount> index_{};  // table entry I's j
  std::vector<std::uint8_t> by_position_;              // the j of the others
};

}  // namespace pasid
