#pragma once
// Which candidate facts kind and pdr may assume (transition.hpp: the model's bookkeeping
// lemmas and the catalog's state invariants): those that hold initially and are
// 1-inductive together, found as Houdini does.  Start from all that hold initially; while
// some step from a state keeping the set breaks one, drop every candidate that step
// breaks and ask again.  What is left holds in every reachable state.  A design whose
// bookkeeping differs (5.18 as merged, whose bonds outlive their mm's PASID), or that
// breaks an invariant, loses only the candidates it breaks.

#include <string>

#include "transition.hpp"

namespace pasid::smt {

struct ProvedLemmas {
  Candidates kept;     ///< none when Z3 could not tell in time
  double seconds = 0;  ///< how long the proof took
};

/// The largest 1-inductive set of candidates that hold initially, within `seconds`, its
/// queries asked on `threads` threads.  The set is the same whatever the number of threads
/// (it is the greatest such set); the time is not.
ProvedLemmas prove_lemmas(const Transition& t, double seconds, int threads);

/// prove_lemmas() for an engine with a time-out of `timeout` seconds (0: none): within
/// `share` of it, or 600 s without one.
ProvedLemmas prove_lemmas(const Transition& t, double timeout, double share, int threads);

/// "counts_match, tasks_placed and unique_owner"
std::string candidate_list(Candidates set);

/// For a proof's text: ", with counts_match, ... (proved 1-inductive first, in 30.2 s)", or
/// nothing when none was kept.
std::string lemmas_used(const ProvedLemmas& lemmas);

}  // namespace pasid::smt
