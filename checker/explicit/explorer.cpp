#include "explorer.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "backtrack.hpp"
#include "search.hpp"

namespace pasid {

namespace {

std::uint64_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<std::uint64_t>(u.ru_maxrss) * 1024;
}

}  // namespace

void Search::mark_path() const {
  if (!violation_ || violation_->from == kNoParent) return;
  path_to(violation_->from, &graph_->path);
  for (const auto& e : graph_->edges)
    if (e.from == violation_->from && e.step.rule == instances_[violation_->instance].rule &&
        param_equal(e.step, instances_[violation_->instance]))
      graph_->bad_step = e;
}

Result Search::run() {
  auto start = std::chrono::steady_clock::now();
  Result r;
  r.engine = "explicit";
  State<Concrete> init = initial_state<Concrete>();
  add(init);
  Verdicts v = check_initial(init);
  if (graph_) record_state(0, v.state);
  std::string overflow;  // a field taken outside its range: the search cannot go on
  try {
    if (!done()) {
      bool parallel = options_.threads > 1 && !graph_;
      parallel ? explore_parallel() : explore();
    }
  } catch (const OutOfRange& e) {
    overflow = e.what();
  }
  r.verdict = violation_ ? Verdict::violated : Verdict::holds;
  if (!violation_ && !overflow.empty()) {
    r.verdict = Verdict::unknown;
    r.reason = overflow + ": " + OutOfRange::kPastTheModel + "; the search stopped after " +
               std::to_string(count_) + " states, with no violation found so far";
  }
  if (!violation_ && out_of_memory_) {
    r.verdict = Verdict::unknown;
    r.reason = "stopped at the memory limit of " + std::to_string(options_.max_memory_bytes >> 20) +
               " MiB after " + std::to_string(count_) + " states, with no violation found so far";
  }
  if (visited_.bits()) report_bitstate(r);
  if (violation_) r.counterexample = counterexample();
  stats_.states = count_;
  stats_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats_.peak_rss_bytes = peak_rss_bytes();
  stats_.bytes_per_state = memory() / std::max<std::uint32_t>(1, count_);
  r.stats = stats_;
  return r;
}

void Search::report_bitstate(Result& r) {
  const BitState& bits = *visited_.bits();
  Omission o = bitstate_omission(count_, bits.bits(), bits.hashes());
  stats_.bitstate = Stats::Bitstate{bits.bits(), bits.hashes(), bits.bits_set(), o.last_chance,
                                    o.expected_missed};
  if (r.verdict != Verdict::holds) return;
  char why[200];
  std::snprintf(why, sizeof why,
                "no violation in %u states, but bitstate hashing may have taken about %.3g "
                "new states for seen ones, and missed what only they lead to",
                count_, o.expected_missed);
  r.verdict = Verdict::unknown;
  r.reason = why;
}

void Search::pace(std::uint32_t expanded) {
  if (expanded % 1024 != 0) return;
  std::size_t bytes = memory();
  if (options_.max_memory_bytes && bytes > options_.max_memory_bytes) out_of_memory_ = true;
  if (!options_.on_progress) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_progress_ < std::chrono::duration<double>(options_.progress_interval_seconds))
    return;
  last_progress_ = now;
  options_.on_progress({count_, count_ - expanded, stats_.depth,
                        std::chrono::duration<double>(now - start_).count(), bytes});
}

std::vector<Instance> Search::path_to(std::uint32_t t, std::vector<std::uint32_t>* states) const {
  return pasid::path_to(context(), level_first_, t, states);
}

Counterexample Search::counterexample() const {
  std::vector<Instance> path;
  if (violation_->from != kNoParent) {
    std::vector<std::uint32_t> states;
    path = path_to(violation_->from, &states);
    path =
        real_path(context(), states, path, instances_[static_cast<unsigned>(violation_->instance)],
                  violation_->invariant);
  }
  auto cex = replay_path(pb_, path, violation_->invariant);
  if (!cex) throw std::logic_error("a counterexample does not replay");
  return *cex;
}

Result ExplicitEngine::check(const Problem& problem) {
  return Search(problem, options_).run();
}

StateGraph explore_graph(const Problem& problem, std::size_t max_states) {
  StateGraph g;
  Search search(problem);
  search.draw_into(g, max_states);
  search.run();
  search.mark_path();
  return g;
}

}  // namespace pasid
