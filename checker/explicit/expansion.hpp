#pragma once
// The transitions out of a run of stored states, computed on worker threads: for each, the
// packed representative, and the invariant verdicts, so that the search only has
// to add them to its table in order (the same order, the same verdicts, whatever the
// number of threads).

#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

#include "checker/engine.hpp"
#include "instances.hpp"
#include "invariant_set.hpp"
#include "representatives.hpp"
#include "state_table.hpp"
#include "visited.hpp"

namespace pasid {

/// What the workers share, all read-only while they run.
struct ExpansionContext {
  const Problem& pb;
  const std::vector<Instance>& instances;
  const StateCodec& codec;
  const Visited& visited;  ///< read only: a successor found there is not new
  bool symmetry;
  bool spare_twins;  ///< with symmetry: skip the steps Twins spares
  const InvariantSet& step_invariants;
  const InvariantSet& state_invariants;
  std::function<const std::uint8_t*(std::uint32_t)> stored;
};

struct Batch;  // lookahead.hpp

/// What the search counts of every step, as Stats names them.
struct StepCounts {
  std::uint64_t transitions = 0;
  std::vector<std::uint64_t> rule_fired;      ///< per rule
  std::vector<std::uint64_t> premise_held;    ///< per position in pb.invariants: step ones
  std::vector<std::uint64_t> seen, frees_at;  ///< the logs' observations

  /// Zero counts for a problem with `invariants` invariants.
  void reset(std::size_t invariants);
  void add_to(Stats& s) const;
};

/// The transitions out of states [begin, end), in the sequential search's order.  Every
/// step is summed (counts, observations, premises); only those the search must look at
/// are kept as records: the first step in the expansion to each successor that may be new
/// (not in the table when expanded), with its packed forms and state invariant verdicts,
/// and any step that breaks a step invariant.  The rest reach states stored already, and
/// adding them would change no count the sums do not hold.
struct Expansion {
  std::uint32_t begin = 0;
  std::vector<std::uint32_t> first;     ///< per state, its first record; one more at the end
  std::vector<std::uint32_t> step;      ///< per record: its number among its state's steps
  std::vector<std::uint32_t> instance;  ///< per record
  std::vector<std::uint8_t> step_broken;
  std::vector<std::uint32_t> fresh;  ///< per record: its number among the new, or kKnown
  std::vector<std::uint8_t> rep;     ///< per new: codec width bytes, the representative
  std::vector<std::uint64_t> key;    ///< per new: the representative's Visited::key_of
  std::vector<std::uint8_t> state_broken;
  std::vector<std::uint64_t> state_premises;  ///< bit j: state invariant j's premise held
  StepCounts counts;                          ///< over every step, records or not
  /// What expanding state `error_state` threw (a field out of its range: OutOfRange).
  /// The run stops there; the search rethrows it only if it gets that far, as the
  /// sequential search would, which stops at the first violation.
  std::exception_ptr error;
  std::uint32_t error_state = 0;

  /// Empty, for states from `first_state` on, keeping the room it had.
  void reset(std::uint32_t first_state, std::size_t invariants);
};

inline constexpr std::uint32_t kKnown = ~0u;

/// Packs the representative of `next` (itself without symmetry) into `out`.
void pack_representative(const ExpansionContext& c, const State<Concrete>& next, std::uint8_t* out);
/// The same, for a successor of `from`, packed in `from_packed` (StateCodec::pack_change),
/// the representatives of successors met before taken from `reps` (nullptr: none).
void pack_representative(const ExpansionContext& c, const State<Concrete>& from,
                         const std::uint8_t* from_packed, const State<Concrete>& next,
                         std::uint8_t* out, Representatives* reps = nullptr);

/// Expands [begin, end) on `threads` threads into `out`, its blocks in order, reusing
/// what `out` holds from before.  Worker j takes representatives from (*reps)[j] (reps:
/// nullptr, or one per thread).  The calling thread first runs `meanwhile` (the search
/// adds the run before), then joins the workers; if `meanwhile` returns false (the search
/// is done) or throws, they stop at their next block, and `out` is left empty or the
/// exception passes on.
void expand_parallel(const ExpansionContext& c, std::uint32_t begin, std::uint32_t end, int threads,
                     std::vector<Expansion>& out, std::vector<Representatives>* reps = nullptr,
                     const std::function<bool()>& meanwhile = {});

}  // namespace pasid
