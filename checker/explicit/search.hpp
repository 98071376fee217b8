#pragma once
// The breadth-first search behind the explicit engine: one class, its parts in
// explorer.cpp (set-up, verdict, counterexample paths), sequential.cpp (one thread,
// two states ahead) and parallel.cpp (--threads: workers expand runs of states, the search
// adds their results in the order one thread would).

#include <chrono>
#include <cstdint>
#include <exception>
#include <optional>
#include <vector>

#include "expansion.hpp"
#include "explorer.hpp"
#include "instances.hpp"
#include "invariant_set.hpp"
#include "lookahead.hpp"
#include "state_table.hpp"
#include "successor.hpp"
#include "visited.hpp"

namespace pasid {

/// The breadth-first search behind ExplicitEngine and explore_graph.
class Search {
 public:
  explicit Search(const Problem& pb, const SearchOptions& options = {})
      : pb_(pb),
        options_(options),
        instances_(rule_instances(pb.bounds)),
        codec_(pb.bounds, pb.design),
        visited_(codec_.width(), options),
        packed_(codec_.width()),
        kept_(codec_.width()) {
    stats_.rule_fired.assign(kRuleCount, 0);
    stats_.premise_held.assign(pb.invariants.size(), 0);
    stats_.seen.assign(kSeenKinds, 0);
    stats_.pasid_frees_at.assign(kFreeSites, 0);
    for (const Property& p : pb.invariants) symmetry_ = symmetry_ && !p.names_pasids();
    if (symmetry_) {
      // Each worker's, a sixteenth of a memory limit at most.
      std::size_t bytes = kRepresentativeBytes;
      if (options_.max_memory_bytes) bytes = std::min(bytes, options_.max_memory_bytes / 16);
      for (int j = 0; j < std::max(1, options_.threads); ++j)
        representatives_.emplace_back(codec_.width(), bytes);
    }
  }

  /// Graph mode: record into g, refuse more than max states.
  void draw_into(StateGraph& g, std::size_t max) {
    graph_ = &g;
    max_states_ = max;
  }

  /// After run() in graph mode: the counterexample's states and last step.
  void mark_path() const;

  Result run();

 private:
  static constexpr std::uint32_t kNoParent = ~0u;
  /// Each worker's cache of representatives, within a core's L2 cache: at the default bounds
  /// 64% of successors find theirs there.  4 MiB found 75%, but missing L2 it was slower.
  static constexpr std::size_t kRepresentativeBytes = std::size_t{256} << 10;

  struct Violation {
    std::uint32_t from;  // kNoParent: the initial state itself
    int instance;
    int invariant;
  };

  const Problem& pb_;
  SearchOptions options_;  // a copy: callers may pass a temporary
  std::vector<Instance> instances_;
  StateCodec codec_;
  Visited visited_;
  std::vector<std::uint8_t> packed_;
  std::uint32_t count_ = 0;  // states stored
  Arena kept_;               // with bitstate, which keeps no states: the states, by index
  std::vector<std::uint32_t> level_first_{0, 1};  // index of each BFS level's first state
  InvariantSet step_invariants_{pb_, invariants_reading(pb_, true)};
  InvariantSet state_invariants_{pb_, invariants_reading(pb_, false)};
  // Renaming slots keeps every built-in invariant, but not a formula that names PASIDs.
  bool symmetry_ = pb_.symmetry;
  std::vector<Representatives> representatives_;  // per worker, with symmetry
  std::optional<Violation> violation_;
  Stats stats_;
  StateGraph* graph_ = nullptr;
  std::size_t max_states_ = 0;
  bool out_of_memory_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_progress_ = start_;

  static bool param_equal(const Instance& a, const Instance& b) {
    const RuleInfo& info = rule_info(a.rule);
    for (int k = 0; k < info.param_count; ++k) {
      Param p = info.params[static_cast<unsigned>(k)];
      if (param_value(a.args, p) != param_value(b.args, p)) return false;
    }
    return true;
  }

  /// What a bitstate search may have missed; without a violation, the verdict is unknown.
  void report_bitstate(Result& r);

  /// Adds a state unless its representative was seen; its index, and whether it is new.
  /// What is stored, and expanded, is the representative: a renaming of a state reached,
  /// with renamed successors.  counterexample() renames a path of them back.
  std::pair<std::uint32_t, bool> add(const State<Concrete>& s) {
    pack_representative(context(), s, packed_.data());
    return insert(packed_.data(), visited_.prepare(packed_.data()));
  }

  /// The same, packed (the representative), with visited_.prepare(rep)'s key.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* rep, std::uint64_t key) {
    auto [index, is_new] = visited_.insert(rep, key);
    if (!is_new) return {index, false};
    if (graph_ && count_ >= max_states_)
      throw std::length_error("more than " + std::to_string(max_states_) + " states");
    if (!visited_.exact()) kept_.push_back(rep);
    return {count_++, true};
  }

  /// The state stored as number i, packed.
  const std::uint8_t* stored(std::uint32_t i) const {
    return visited_.exact() ? visited_.at(i) : kept_[i];
  }

  /// Starts BFS level d+1 when state i is the first of level d.
  void enter(std::uint32_t i) {
    if (i != level_first_.back()) return;
    ++stats_.depth;
    level_first_.push_back(count_);
  }

  /// Checks the invariants in `which` over one step, counting premises.  True if one broke.
  bool broken(const InvariantSet& which, const State<Concrete>& pre, const Log<Concrete>& log,
              const State<Concrete>& post) {
    std::uint64_t held = 0;
    bool any = which.broken(pre, log, post, held) != 0;
    which.count(held, stats_.premise_held);
    return any;
  }

  struct Verdicts {
    bool step = false;   // a step invariant broke
    bool state = false;  // a state invariant broke on a new state
  };

  /// Checks the initial state: the step invariants over the empty step from it to itself,
  /// and the state invariants.  Records the first violation.
  Verdicts check_initial(const State<Concrete>& init) {
    const Log<Concrete> none;
    Verdicts v{broken(step_invariants_, init, none, init),
               broken(state_invariants_, init, none, init)};
    if (v.step || v.state) note_violation(kNoParent, 0, init, none, init);
    return v;
  }

  /// Keeps the first violation: the step from stored state `from` by instance `instance`.
  void note_violation(std::uint32_t from, int instance, const State<Concrete>& pre,
                      const Log<Concrete>& log, const State<Concrete>& post) {
    if (!violation_)
      violation_ = Violation{from, instance, all_broken(pb_, pre, log, post).front()};
  }

  /// A check stops at its first violation (a graph goes on) or at the memory limit.
  bool done() const { return (violation_ && !graph_) || out_of_memory_; }

  /// Bytes held by the visited set and the stored states.
  std::size_t memory() const { return visited_.memory() + kept_.memory(); }

  /// Every 1024 expanded states: the memory limit, and progress about once an interval.
  void pace(std::uint32_t expanded);

  void record(std::uint32_t from, std::pair<std::uint32_t, bool> to, std::size_t k, Verdicts v) {
    if (!graph_) return;
    if (to.second) record_state(to.first, v.state);
    graph_->edges.push_back({from, to.first, instances_[k], v.step});
  }

  /// Graph mode: stored state i (a representative) as a node.
  void record_state(std::uint32_t i, bool breaks) {
    graph_->states.push_back(initial_state<Concrete>());  // for the slots past the bounds
    codec_.unpack(stored(i), graph_->states.back());
    graph_->breaks.push_back(breaks);
  }

  /// What the expansion of states needs from the search (read only while it runs).
  ExpansionContext context() const {
    return {pb_,
            instances_,
            codec_,
            visited_,
            symmetry_,
            symmetry_ && options_.spare_twins,
            step_invariants_,
            state_invariants_,
            [this](std::uint32_t i) { return stored(i); }};
  }

  /// Expands states in order, two ahead (Lookahead): state i+2's table slots and the
  /// states i+1's slots name are on their way into cache while state i's steps are added.
  void explore();

  /// Adds step n of stored state i's batch: its counts into `counts` (count_step, as the
  /// workers count), its successor to the table, its verdicts.
  void add_step(const ExpansionContext& c, std::uint32_t i, const Batch& b, std::size_t n,
                StepCounts& counts);

  /// explore(), with the successors of each run of states computed by options_.threads
  /// workers and added here in explore()'s order: the same states, verdicts and paths.
  void explore_parallel();

  /// Adds a run's expansions in order, until the search is done; false if it is.
  bool merge_all(const std::vector<Expansion>& run);
  /// Adds e's records, and its counts: its sums when it was added whole, else (the search
  /// stopped inside it) the counts of its first states' steps computed again, up to
  /// state e.begin + last's first `steps`, so that every count is the one a sequential
  /// search reaches.
  void merge(const Expansion& e);
  void count_again(const Expansion& e, std::uint32_t last, std::uint32_t steps);
  static constexpr std::uint32_t kEveryStep = ~0u;  // count_again's `steps`: all of them

  void merge_record(const Expansion& e, std::uint32_t i, std::uint32_t r);

  /// A path from the initial state to stored state t.
  std::vector<Instance> path_to(std::uint32_t t, std::vector<std::uint32_t>* states) const;

  /// A real path to the violation: the path to its stored state, then the breaking step.
  Counterexample counterexample() const;
};

}  // namespace pasid
