#pragma once
// The SMT engines: bounded model checking, k-induction and IC3/PDR (Z3's Spacer), all on
// the transition relation of transition.hpp.  Every counterexample they report has been
// replayed through the explicit model; solver give-ups and time-outs are `unknown`.

#include <functional>
#include <memory>

#include "checker/engine.hpp"

namespace pasid::smt {

class KnownFacts;

struct SmtOptions {
  int depth = 30;              ///< BMC: unroll this far; k-induction: the largest k
  double timeout_seconds = 0;  ///< 0: none; else stop with verdict unknown
  int threads = 1;             ///< kind, pdr: the candidate facts' queries asked on this many
  std::function<void(int depth, double seconds)> on_depth;  ///< a depth finished (bmc, kind)
  /// Shared by the engines of one run: the candidate facts are proved once (lemma_proof.hpp).
  std::shared_ptr<KnownFacts> facts;
};

/// Bounded model checking: unrolls one step at a time and asks for a violation at the
/// last step, so the first counterexample is a shortest one.  Without one it can only
/// say "unknown: none up to depth N".
class BmcEngine final : public Engine {
 public:
  explicit BmcEngine(SmtOptions o = {}) : o_(std::move(o)) {}
  const char* name() const override { return "bmc"; }
  Result check(const Problem& problem) override;

 private:
  SmtOptions o_;
};

/// k-induction with simple-path constraints: BMC for the base case, and the step case
/// "k-1 steps that keep the invariants cannot be followed by one that breaks them, the k
/// states these steps leave being distinct".
class KInductionEngine final : public Engine {
 public:
  explicit KInductionEngine(SmtOptions o = {}) : o_(std::move(o)) {}
  const char* name() const override { return "kind"; }
  Result check(const Problem& problem) override;

 private:
  SmtOptions o_;
};

/// IC3/PDR through Z3's Spacer engine over constrained Horn clauses.  A proof comes with
/// the inductive invariant Spacer found, written over the model's fields; a violation is
/// reported with BMC's shortest counterexample.
class PdrEngine final : public Engine {
 public:
  explicit PdrEngine(SmtOptions o = {}) : o_(std::move(o)) {}
  const char* name() const override { return "pdr"; }
  Result check(const Problem& problem) override;

 private:
  SmtOptions o_;
};

}  // namespace pasid::smt
