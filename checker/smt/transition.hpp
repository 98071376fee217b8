#pragma once
// The model's transition relation over symbolic states, built from the same rules the
// explicit engine runs.  Each step has two inputs: which rule instance fires
// (one Boolean "fire<i>@tag" per instance of the explicit engine's list, at most one true) and the
// PASID a bind allocates ("pasid@tag", any 20-bit value).  A bind instance whose explicit PASID is
// p here stands for "allocate into table entry p-1", so one instance list serves both.

#include <bitset>
#include <string>
#include <vector>

#include "checker/engine.hpp"
#include "checker/explicit/instances.hpp"
#include "model/lemmas.hpp"
#include "symbolic_state.hpp"

namespace pasid::smt {

/// The facts k-induction may assume once it has proved them (lemma_proof.hpp): the model's
/// bookkeeping lemmas (model/lemmas.hpp), then the catalog's invariants (those that read
/// the state alone), as a set: bit c is candidate c.
inline constexpr int kCandidates = kLemmaCount + kInvariantCount;
using Candidates = std::bitset<kCandidates>;

/// Candidate c's name: a lemma's or an invariant's.
std::string_view candidate_name(int c);
/// The candidates that are facts of a state: every lemma and every state invariant.
Candidates state_candidates();
/// Whether candidate c holds in the concrete state s.
bool candidate_holds(int c, const Bounds& b, const State<Concrete>& s);

/// One symbolic step: x --T--> next, and what it observed (each observation guarded by
/// the instance that makes it).
struct SymbolicStep {
  z3::expr relation;
  Log<Z3Domain> log;
  z3::expr_vector fire;  ///< the "fire<i>@tag" inputs: instance i fires
  z3::expr pasid;        ///< the "pasid@tag" input
};

class Transition {
 public:
  /// The SMT engines check pb's design with allocation of any free PASID.
  explicit Transition(const Problem& pb);

  SymbolicStep encode(const SymState& x, const SymState& next, const std::string& tag) const;

  /// Instance i alone from x, its bind taking PASID p: returns its guard, and puts the
  /// state after it (as terms over x) into `post` and its observations into `log`.  The
  /// step relation is the disjunction of these over the instances; a check of one step
  /// can ask them one at a time, each a far smaller query.
  z3::expr fire_one(const SymState& x, std::size_t i, const z3::expr& p, SymState& post,
                    Log<Z3Domain>& log) const;

  /// The state x == the initial state.
  z3::expr initial(const SymState& x) const;
  /// The state x == the initial state with its thread in any thread slot.  New objects
  /// take the lowest free slot and a free slot is all zero, so which free slot a step
  /// fills is itself a renaming: the states reachable from these are those reachable from
  /// the initial state, renamed in every way (threads, devices, files: orbit_key).  An
  /// invariant that treats slots alike holds of the one set if and only if of the other.
  z3::expr initial_up_to_renaming(const SymState& x) const;

  /// The invariants of the problem over a step, and (with_types) the type invariant of
  /// the post-state, whose violation would be a model bug.  k-induction and pdr leave the
  /// type invariant out: its ranges hold of reachable states only, never inductively.
  z3::expr property(const SymState& pre, const Log<Z3Domain>& log, const SymState& post,
                    bool with_types = true) const;
  /// The state invariants of the problem, of state x alone.
  z3::expr state_property(const SymState& x) const;
  /// The step invariants of the problem (those that read what the step observed).
  z3::expr step_property(const SymState& pre, const Log<Z3Domain>& log, const SymState& post) const;
  /// The candidates in `kept`, of state x.
  z3::expr lemmas(const SymState& x, Candidates kept) const;

  const std::vector<Instance>& instances() const { return instances_; }
  const Problem& problem() const { return pb_; }

 private:
  Problem pb_;
  std::vector<Instance> instances_;

  /// Which of the problem's invariants: those that read the state alone, those that read
  /// what the step observed, or both.
  enum class Reading { state, step, any };
  /// Appends those invariants over the step pre --log--> post to `all`.
  void add_invariants(z3::expr_vector& all, const SymState& pre, const Log<Z3Domain>& log,
                      const SymState& post, Reading which) const;
};

}  // namespace pasid::smt
