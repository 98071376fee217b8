#pragma once
// The narrow interface every engine implements: a problem in, a verdict out, with a
// counterexample when an invariant breaks and statistics either way.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model.hpp"

namespace pasid {

/// The most invariants one problem checks: the explicit engine and the replay keep a bit
/// per invariant.
inline constexpr std::size_t kMaxInvariants = 64;

/// What to check: a design, bounds, and the invariants (built in or written).
struct Problem {
  Design design;
  Bounds bounds;
  std::vector<Property> invariants;
  bool symmetry = true;  ///< explicit engine: store one representative per slot renaming
};

enum class Verdict { holds, violated, unknown };

const char* verdict_name(Verdict v);

/// One step of a counterexample: the rule instance and the state after it.
struct TraceStep {
  int rule;
  Args<Concrete> args;
  Log<Concrete> log;
  State<Concrete> after;
};

/// A path from the initial state whose last step breaks `invariant` (the first of the
/// problem's invariants it breaks) and every invariant in `broken` (positions in the
/// problem's list of invariants).
struct Counterexample {
  State<Concrete> initial;
  std::vector<TraceStep> steps;
  int invariant;
  std::vector<int> broken;
};

struct Stats {
  std::uint64_t states = 0;
  /// Steps taken: with symmetry, one of each set that differs by interchangeable slots.
  std::uint64_t transitions = 0;
  int depth = 0;
  double seconds = 0;
  std::uint64_t peak_rss_bytes = 0;
  std::size_t bytes_per_state = 0;
  /// `count` a second of the search's time: states or transitions (0: too short to time).
  double per_second(std::uint64_t count) const {
    return seconds > 0 ? static_cast<double>(count) / seconds : 0;
  }
  std::vector<std::uint64_t> rule_fired;      ///< per rule, in AllRules order
  std::vector<std::uint64_t> premise_held;    ///< per invariant of the problem, in its order
  std::vector<std::uint64_t> seen;            ///< per Seen kind
  std::vector<std::uint64_t> pasid_frees_at;  ///< per FreeSite
  std::vector<double> depth_seconds;          ///< SMT engines: when each depth was done
  /// A bitstate search: its table, and what it may have missed.
  struct Bitstate {
    std::uint64_t bits = 0;
    int hashes = 0;
    std::uint64_t bits_set = 0;
    double last_chance = 0;      ///< that the last new state was taken for a seen one
    double expected_missed = 0;  ///< states, over the whole search
  };
  std::optional<Bitstate> bitstate;
};

/// How far a search has got, for a progress display.
struct Progress {
  std::uint64_t states = 0;
  std::uint64_t queue = 0;  ///< states found but not yet expanded
  int depth = 0;
  double seconds = 0;
  std::uint64_t memory_bytes = 0;
};

/// The command line's number of threads when none is given: one per core, at most 4 (the
/// results are the same for any number; past a few, the one thread that adds states, or
/// reads the trace in order, bounds the others).
unsigned default_threads();

/// How a search runs (not what it checks): its memory limit and whom to tell how far it got.
struct SearchOptions {
  std::uint64_t max_memory_bytes = 0;                ///< 0: no limit; else stop, verdict unknown
  std::function<void(const Progress&)> on_progress;  ///< called about once an interval
  double progress_interval_seconds = 1;
  int threads = 1;  ///< the explicit engine's workers; the result is the same for any number
  /// 0: store states exactly; n: bitstate hashing in 2^n bits, bitstate_hashes bits a state.
  int bitstate_bits = 0;
  int bitstate_hashes = 3;
  /// With symmetry, skip the steps that differ from a step taken only by interchangeable
  /// slots (checker/explicit/twins.hpp).  Off only to cross-check that the result is the same.
  bool spare_twins = true;
};

/// k-induction's counterexample to induction at the largest k it tried: k + 1 states
/// joined by k steps, the first k keeping every invariant (the first perhaps unreachable),
/// the last step breaking the invariants `broken` (positions in the problem's list).  The
/// fields are as the solver chose them: PASIDs are 20-bit values, not the explicit model's
/// small pool, so it replays only when they can be renamed into it (`replayed`).  The fact
/// that rules it out is a lemma to prove.
struct InductionCti {
  std::vector<std::vector<std::pair<FieldId, int>>> states;  ///< every live field
  std::vector<std::string> steps;                            ///< the rule instance of each
  std::vector<int> broken;
  /// Whether the explicit model took the same steps from the first state, its PASIDs
  /// renamed to allocator entries, and broke the same invariants.  False when a PASID value
  /// names no entry, or more than one: the small pool cannot say it.
  bool replayed = false;
};

struct Result {
  std::string engine;  ///< the engine that gave the verdict
  Verdict verdict = Verdict::unknown;
  std::optional<Counterexample> counterexample;
  std::optional<InductionCti> cti;  ///< kind, not k-inductive: why the induction failed
  Stats stats;
  std::string reason;  ///< why the verdict is unknown
  std::string proof;   ///< why it holds, where the engine can say (k, an inductive invariant)
};

class Engine {
 public:
  virtual ~Engine() = default;
  virtual const char* name() const = 0;
  /// Checks every invariant of the problem.
  virtual Result check(const Problem& problem) = 0;
};

}  // namespace pasid
