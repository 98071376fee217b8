#pragma once
// Which candidate facts kind and pdr may assume (transition.hpp: the model's bookkeeping
// lemmas and the catalog's state invariants): those that hold initially and are
// 1-inductive together, found as Houdini does.  Start from all that hold initially; while
// some step from a state keeping the set breaks one, drop every candidate that step
// breaks and ask again.  What is left holds in every reachable state.  A design whose
// bookkeeping differs (5.18 as merged, whose bonds outlive their mm's PASID), or that
// breaks an invariant, loses only the candidates it breaks.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "transition.hpp"

namespace pasid::smt {

struct ProvedLemmas {
  Candidates kept;        ///< none when Z3 could not tell in time
  double seconds = 0;     ///< how long the proof took
  bool complete = false;  ///< the proof ran to its end: not cut short by the time
  bool reused = false;    ///< proved for an engine before this one (KnownFacts)
};

/// The largest 1-inductive set of candidates that hold initially, within `seconds`, its
/// queries asked on `threads` threads.  The set is the same whatever the number of threads
/// (it is the greatest such set); the time is not.
ProvedLemmas prove_lemmas(const Transition& t, double seconds, int threads);

/// The facts proved for the engines of one run (--engine all): the set proved is the
/// greatest one, the same whatever the engine, its time-out or its threads, so a complete
/// proof for a design and bounds serves every engine after the first.  One cut short by a
/// time-out is not kept.  So is the answer of kind's first step case and pdr's first check
/// (the same question): the invariants are 1-inductive relative to the facts.
class KnownFacts {
 public:
  /// The proof kept for t's design and bounds, if there is one.
  std::optional<ProvedLemmas> find(const Transition& t) const;
  /// Keeps `proved` for t's design and bounds if it is complete.
  void keep(const Transition& t, const ProvedLemmas& proved);

  /// Whether t's invariants were found 1-inductive relative to the facts `kept`, for its
  /// design and bounds.
  bool inductive(const Transition& t, Candidates kept) const;
  /// Keeps that they are.
  void keep_inductive(const Transition& t, Candidates kept);

 private:
  std::optional<std::pair<Design, Bounds>> of_;
  ProvedLemmas proved_;
  struct Inductive {
    Design design;
    Bounds bounds;
    Candidates kept;
    std::vector<std::string> invariants;  ///< built-in: "#i"; written: formula and premise
  };
  std::optional<Inductive> inductive_;
};

/// prove_lemmas() for an engine with a time-out of `timeout` seconds (0: none): within
/// `share` of it, or 600 s without one; or the proof `known` holds (kept there if not).
ProvedLemmas prove_lemmas(const Transition& t, double timeout, double share, int threads,
                          KnownFacts* known = nullptr);

/// What a proof text adds for an answer KnownFacts kept from an engine run before.
inline constexpr const char* kForAnEarlierEngine = ", for an engine before this one";

/// "counts_match, tasks_placed and unique_owner"
std::string candidate_list(Candidates set);

/// For a proof's text: ", with counts_match, ... (proved 1-inductive first, in 30.2 s)", or
/// nothing when none was kept.
std::string lemmas_used(const ProvedLemmas& lemmas);

}  // namespace pasid::smt
