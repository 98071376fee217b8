#include "check_cmd.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "checker/agreement.hpp"
#include "checker/error.hpp"
#include "checker/explicit/explorer.hpp"
#include "checker/replay/ftrace_writer.hpp"
#include "checker/replay/run.hpp"
#include "checker/report/json.hpp"
#include "checker/report/text.hpp"
#include "checker/smt/lemma_proof.hpp"
#include "checker/smt/smt_engine.hpp"
#include "checker/spec/spec.hpp"
#include "replay_cmd.hpp"

namespace pasid::cli {

namespace {

/// --bitstate without a size or a memory limit: 2^30 bits, 128 MiB.
constexpr int kBitstateBits = 30;

/// The bitstate table's size: as asked, else the largest that takes at most half of
/// --max-memory (the other half for the states kept for expansion), else kBitstateBits.
int bitstate_bits(const CheckOptions& o) {
  if (o.bitstate_bits) return o.bitstate_bits;
  if (!o.max_memory) return kBitstateBits;
  int n = 10;
  while (n < 36 && (std::uint64_t{1} << (n + 1)) / 8 <= o.max_memory / 2) ++n;
  return n;
}

/// The progress line, on a terminal: rewritten in place about once a second.
void show_progress(const Progress& p) {
  char line[160];
  std::snprintf(line, sizeof line, "\r%llu states  %.0f states/s  queue %llu  depth %d  %.0f MiB",
                static_cast<unsigned long long>(p.states),
                p.seconds > 0 ? p.states / p.seconds : 0.0,
                static_cast<unsigned long long>(p.queue), p.depth,
                static_cast<double>(p.memory_bytes) / (1 << 20));
  std::cerr << line << "\033[K" << std::flush;
}

int exit_for(Verdict v) {
  switch (v) {
    case Verdict::holds:
      return kHolds;
    case Verdict::violated:
      return kViolated;
    case Verdict::unknown:
      return kUnknown;
  }
  return kInternal;
}

int threads(const CheckOptions& o) {
  return o.threads ? o.threads : static_cast<int>(default_threads());
}

/// The engine called `name`, set up from the options; SMT engines share `facts`.
std::unique_ptr<Engine> make_engine(const std::string& name, const CheckOptions& o,
                                    std::shared_ptr<smt::KnownFacts> facts) {
  if (name == "explicit") {
    SearchOptions search;
    search.max_memory_bytes = o.max_memory;
    search.threads = threads(o);
    if (o.bitstate) search.bitstate_bits = bitstate_bits(o);
    if (!o.quiet && isatty(STDERR_FILENO)) search.on_progress = show_progress;
    return std::make_unique<ExplicitEngine>(search);
  }
  smt::SmtOptions smt;
  smt.depth = o.depth;
  smt.timeout_seconds = o.timeout;
  smt.threads = threads(o);
  smt.facts = std::move(facts);
  if (name == "bmc") return std::make_unique<smt::BmcEngine>(smt);
  if (name == "kind") return std::make_unique<smt::KInductionEngine>(smt);
  return std::make_unique<smt::PdrEngine>(smt);
}

Result run_engine(const std::string& name, const CheckOptions& o, const Problem& pb,
                  std::shared_ptr<smt::KnownFacts> facts = nullptr) {
  Result r = make_engine(name, o, std::move(facts))->check(pb);
  if (name == "explicit" && !o.quiet && isatty(STDERR_FILENO))
    std::cerr << "\r\033[K" << std::flush;  // clear the progress line
  return r;
}

/// --engine all: every engine, cross-checked; the report is the first definite result's.
/// The SMT engines prove the candidate facts once, the first of them for the others.
Result run_all(const CheckOptions& o, const Spec& spec) {
  std::vector<Result> results;
  auto facts = std::make_shared<smt::KnownFacts>();
  for (const auto& name : kEngines) {
    results.push_back(run_engine(name, o, spec.problem, facts));
    if (!o.quiet) std::cout << summary_line(spec.problem, results.back()) << "\n";
  }
  std::string why = disagreement(results);
  if (!why.empty()) throw std::logic_error("the engines disagree: " + why);
  for (const auto& r : results)
    if (r.verdict != Verdict::unknown) return r;
  return results.front();
}

}  // namespace

int run_check(const CheckOptions& o) {
  Spec spec = read_spec(o.spec);
  if (o.expect && !spec.expect)
    throw InputError(o.spec, 0, 0, "--expect given, but the spec has no \"expect\"");
  if (!o.ftrace.empty())
    replay::require_mapped(spec.problem.design, spec.variant, o.spec, "--ftrace: ");
  spec.problem.symmetry = !o.no_symmetry;
  for (const std::string* out : {&o.json, &o.ftrace}) require_writable(*out);
  require_writable(o.pictures);
  Result r = o.engine == "all" ? run_all(o, spec) : run_engine(o.engine, o, spec.problem);
  if (!o.quiet) std::cout << format_report(spec, r);
  if (!o.json.empty()) write_file(o.json, result_json(spec, r).dump(2) + "\n");
  bool drawing = !o.pictures.dot.empty() || !o.pictures.svg.empty() || !o.pictures.png.empty();
  if (drawing && r.counterexample) write_pictures(o.pictures, spec.problem, *r.counterexample);
  if (drawing && !r.counterexample) std::cerr << "pasidcheck: no counterexample to draw\n";
  if (!o.ftrace.empty() && r.counterexample)
    write_file(o.ftrace, counterexample_ftrace(spec, *r.counterexample, o.ftrace_layout));
  if (!o.expect) return exit_for(r.verdict);
  std::string why = expectation_mismatch(*spec.expect, spec.problem, r);
  std::cout << spec.file << ": "
            << (why.empty() ? "expectation met" : "expectation NOT met: " + why) << "\n";
  return why.empty() ? kHolds : kViolated;
}
}  // namespace pasid::cli
