#include "explorer.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>

#include "backtrack.hpp"
#include "expansion.hpp"
#include "instances.hpp"
#include "state_table.hpp"
#include "successor.hpp"
#include "symmetry.hpp"
#include "visited.hpp"

namespace pasid {

namespace {

std::uint64_t peak_rss_bytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<std::uint64_t>(u.ru_maxrss) * 1024;
}

class Search {
 public:
  explicit Search(const Problem& pb, const SearchOptions& options = {})
      : pb_(pb),
        options_(options),
        instances_(rule_instances(pb.bounds)),
        codec_(pb.bounds),
        visited_(codec_.width(), options),
        packed_(codec_.width()) {
    stats_.rule_fired.assign(kRuleCount, 0);
    stats_.premise_held.assign(pb.invariants.size(), 0);
    stats_.seen.assign(kSeenKinds, 0);
    stats_.pasid_frees_at.assign(kFreeSites, 0);
    for (std::size_t i = 0; i < pb.invariants.size(); ++i) {
      (pb.invariants[i].reads_step() ? step_invariants_ : state_invariants_).push_back(i);
      symmetry_ = symmetry_ && !pb.invariants[i].names_pasids();
    }
  }

  /// Graph mode: record into g, refuse more than max states.
  void draw_into(StateGraph& g, std::size_t max) {
    graph_ = &g;
    max_states_ = max;
  }

  /// After run() in graph mode: the counterexample's states and last step.
  void mark_path() const {
    if (!violation_ || violation_->from == kNoParent) return;
    path_to(violation_->from, &graph_->path);
    for (const auto& e : graph_->edges)
      if (e.from == violation_->from && e.step.rule == instances_[violation_->instance].rule &&
          param_equal(e.step, instances_[violation_->instance]))
        graph_->bad_step = e;
  }

  Result run() {
    auto start = std::chrono::steady_clock::now();
    Result r;
    r.engine = "explicit";
    State<Concrete> init = initial_state<Concrete>();
    Log<Concrete> none;
    add(init);
    Verdicts v = check_step(init, none, init, true, kNoParent, 0);
    if (graph_) {
      graph_->states.push_back(init);
      graph_->breaks.push_back(v.state);
    }
    if (!done()) {
      bool parallel = options_.threads > 1 && !graph_ && state_invariants_.size() <= 64;
      parallel ? explore_parallel() : explore();
    }
    r.verdict = violation_ ? Verdict::violated : Verdict::holds;
    if (!violation_ && out_of_memory_) {
      r.verdict = Verdict::unknown;
      r.reason = "stopped at the memory limit of " +
                 std::to_string(options_.max_memory_bytes >> 20) + " MiB after " +
                 std::to_string(count_) + " states, with no violation found so far";
    }
    if (visited_.bits()) report_bitstate(r);
    if (violation_) r.counterexample = counterexample();
    stats_.states = count_;
    stats_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    stats_.peak_rss_bytes = peak_rss_bytes();
    stats_.bytes_per_state = memory() / std::max<std::uint32_t>(1, count_);
    r.stats = stats_;
    return r;
  }

 private:
  static constexpr std::uint32_t kNoParent = ~0u;

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
  std::uint32_t count_ = 0;             // states stored
  std::vector<std::uint8_t> concrete_;  // unless visited_ keeps them: the states, by index
  std::vector<std::uint32_t> level_first_{0, 1};  // index of each BFS level's first state
  std::vector<std::size_t> step_invariants_;      // positions in pb_.invariants
  std::vector<std::size_t> state_invariants_;
  // Renaming slots keeps every built-in invariant, but not a formula that names PASIDs.
  bool symmetry_ = pb_.symmetry;
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

  /// Packs the representative of s into out.
  void pack(const State<Concrete>& s, std::uint8_t* out) const {
    if (!symmetry_) return codec_.pack(s, out);
    State<Concrete> rep = s;
    canonicalize(rep, pb_.bounds);
    codec_.pack(rep, out);
  }

  /// What a bitstate search may have missed; without a violation, the verdict is unknown.
  void report_bitstate(Result& r) {
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

  /// Whether stored states are kept beside visited_ (which keeps representatives, or bits).
  bool keeps_concrete() const { return symmetry_ || !visited_.exact(); }

  /// Adds a state unless its representative was seen; its index, and whether it is new.
  /// The state itself is kept for expansion, so every stored state lies on a real path.
  std::pair<std::uint32_t, bool> add(const State<Concrete>& s) {
    pack(s, packed_.data());
    auto added = insert(packed_.data());
    if (added.second && keeps_concrete()) {
      codec_.pack(s, packed_.data());
      keep_concrete(packed_.data());
    }
    return added;
  }

  /// The same, packed (the representative); the caller keeps the state itself if new.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* rep) {
    return insert(rep, visited_.prepare(rep));
  }

  /// The same, with visited_.prepare(rep)'s key.
  std::pair<std::uint32_t, bool> insert(const std::uint8_t* rep, std::uint64_t key) {
    auto [index, is_new] = visited_.insert(rep, key);
    if (!is_new) return {index, false};
    if (graph_ && count_ >= max_states_)
      throw std::length_error("more than " + std::to_string(max_states_) + " states");
    return {count_++, true};
  }

  /// The newest stored state itself, packed (when keeps_concrete()).
  void keep_concrete(const std::uint8_t* packed) {
    concrete_.insert(concrete_.end(), packed, packed + codec_.width());
  }

  /// The state stored as number i (itself, not its representative).
  const std::uint8_t* stored(std::uint32_t i) const {
    return keeps_concrete() ? &concrete_[i * codec_.width()] : visited_.at(i);
  }

  /// Starts BFS level d+1 when state i is the first of level d.
  void enter(std::uint32_t i) {
    if (i != level_first_.back()) return;
    ++stats_.depth;
    level_first_.push_back(count_);
  }

  /// Checks the invariants in `which` over one step, counting premises.  True if one broke.
  bool broken(const std::vector<std::size_t>& which, const State<Concrete>& pre,
              const Log<Concrete>& log, const State<Concrete>& post) {
    return any_broken(pb_, which, pre, log, post,
                      [&](std::size_t j) { ++stats_.premise_held[which[j]]; });
  }

  struct Verdicts {
    bool step = false;   // a step invariant broke
    bool state = false;  // a state invariant broke on a new state
  };

  /// Checks one transition: step invariants always, state invariants when `post` is new
  /// (an old state passed them already).  Records the first violation.
  Verdicts check_step(const State<Concrete>& pre, const Log<Concrete>& log,
                      const State<Concrete>& post, bool is_new, std::uint32_t from, int instance) {
    Verdicts v;
    v.step = broken(step_invariants_, pre, log, post);
    if (is_new) v.state = broken(state_invariants_, pre, log, post);
    if ((v.step || v.state) && !violation_)
      violation_ = Violation{from, instance, all_broken(pb_, pre, log, post).front()};
    return v;
  }

  /// A check stops at its first violation (a graph goes on) or at the memory limit.
  bool done() const { return (violation_ && !graph_) || out_of_memory_; }

  /// Bytes held by the visited set and the stored states.
  std::size_t memory() const { return visited_.memory() + concrete_.capacity(); }

  /// Every 1024 expanded states: the memory limit, and progress about once an interval.
  void pace(std::uint32_t expanded) {
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

  void record(std::uint32_t from, std::pair<std::uint32_t, bool> to, std::size_t k,
              const State<Concrete>& next, Verdicts v) {
    if (!graph_) return;
    if (to.second) {
      graph_->states.push_back(next);
      graph_->breaks.push_back(v.state);
    }
    graph_->edges.push_back({from, to.first, instances_[k], v.step});
  }

  /// The steps out of one stored state, computed ahead of adding them, so that the
  /// table's cache misses overlap with other work (a large table misses on nearly every
  /// lookup, twice: its slot, then the state the slot names).
  struct Batch {
    std::uint32_t index = kNoParent;  // the stored state expanded
    bool prefetched = false;          // prepare_more() done
    State<Concrete> from{};
    std::size_t size = 0;
    std::vector<std::size_t> instance;
    std::vector<State<Concrete>> next;
    std::vector<Log<Concrete>> log;
    std::vector<std::uint8_t> rep;  // packed representatives
    std::vector<std::uint64_t> key;
    std::exception_ptr error;  // what step number `size` threw (a model bug)
  };

  void fill(std::uint32_t i, Batch& b) {
    const std::size_t w = codec_.width();
    const State<Concrete>& s = b.from;
    codec_.unpack(stored(i), b.from);
    b.index = i;
    b.prefetched = false;
    b.size = 0;
    b.error = nullptr;
    for (std::size_t k = 0; k < instances_.size(); ++k) {
      const Instance& in = instances_[k];
      if (!rule_guard(in.rule, s, pb_.bounds, pb_.design, in.args)) continue;
      if (b.size == b.next.size()) {
        b.instance.emplace_back();
        b.next.emplace_back();
        b.log.emplace_back();
        b.key.emplace_back();
        b.rep.resize(b.rep.size() + w);
      }
      std::size_t n = b.size;
      try {
        successor(pb_, s, in, b.log[n], b.next[n]);
        pack(b.next[n], &b.rep[n * w]);
      } catch (...) {
        b.error = std::current_exception();
        return;
      }
      b.instance[n] = k;
      b.key[n] = visited_.prepare(&b.rep[n * w]);
      ++b.size;
    }
  }

  /// The batch of stored state i, filled if it is not yet.
  Batch& batch(std::array<Batch, 3>& ring, std::uint32_t i) {
    Batch& b = ring[i % ring.size()];
    if (b.index != i) fill(i, b);
    return b;
  }

  /// Expands states in order, two ahead: state i+2's slots and state i+1's stored states
  /// are on their way into cache while state i's steps are added.
  void explore() {
    std::array<Batch, 3> ring;
    for (std::uint32_t i = 0; i < count_ && !done(); ++i) {
      enter(i);
      pace(i);
      Batch& b = batch(ring, i);
      if (i + 1 < count_) {
        Batch& next = batch(ring, i + 1);
        for (std::size_t n = 0; n < next.size && !next.prefetched; ++n)
          visited_.prepare_more(next.key[n]);
        next.prefetched = true;
      }
      if (i + 2 < count_) batch(ring, i + 2);
      for (std::size_t n = 0; n < b.size && !done(); ++n) add_step(i, b.from, b, n);
      if (b.error && !done()) std::rethrow_exception(b.error);  // where one step at a time stops
    }
  }

  void add_step(std::uint32_t i, const State<Concrete>& s, const Batch& b, std::size_t n) {
    const std::size_t k = b.instance[n];
    const State<Concrete>& next = b.next[n];
    ++stats_.transitions;
    ++stats_.rule_fired[static_cast<unsigned>(instances_[k].rule)];
    count_observations(b.log[n], stats_.seen, stats_.pasid_frees_at);
    auto to = insert(&b.rep[n * codec_.width()], b.key[n]);
    if (to.second && keeps_concrete()) {
      codec_.pack(next, packed_.data());
      keep_concrete(packed_.data());
    }
    record(i, to, k, next, check_step(s, b.log[n], next, to.second, i, static_cast<int>(k)));
  }

  /// explore(), with the successors of each run of states computed by options_.threads
  /// workers and added here in explore()'s order: the same states, verdicts and paths.
  void explore_parallel() {
    constexpr std::uint32_t kRunPerThread = 4096;
    ExpansionContext c{pb_,
                       instances_,
                       codec_,
                       visited_,
                       symmetry_,
                       keeps_concrete(),
                       step_invariants_,
                       state_invariants_,
                       [this](std::uint32_t i) { return stored(i); }};
    const auto n = static_cast<std::uint32_t>(options_.threads);
    for (std::uint32_t i = 0; i < count_ && !done();) {
      std::uint32_t end = std::min(count_, i + kRunPerThread * n);
      for (const Expansion& e : expand_parallel(c, i, end, options_.threads)) merge(e);
      i = end;
    }
  }

  void merge(const Expansion& e) {
    for (std::uint32_t s = 0; s + 1 < e.first.size() && !done(); ++s) {
      std::uint32_t i = e.begin + s;
      enter(i);
      pace(i);
      for (std::uint32_t r = e.first[s]; r < e.first[s + 1] && !done(); ++r) merge_record(e, i, r);
      if (e.error && i == e.error_state && !done()) std::rethrow_exception(e.error);
    }
    for (std::size_t j = 0; j < e.step_premises.size(); ++j)
      stats_.premise_held[j] += e.step_premises[j];
    for (std::size_t j = 0; j < e.seen.size(); ++j) stats_.seen[j] += e.seen[j];
    for (std::size_t j = 0; j < e.frees_at.size(); ++j) stats_.pasid_frees_at[j] += e.frees_at[j];
  }

  void merge_record(const Expansion& e, std::uint32_t i, std::uint32_t r) {
    const std::size_t w = codec_.width();
    const std::uint32_t k = e.instance[r];
    ++stats_.transitions;
    ++stats_.rule_fired[static_cast<unsigned>(instances_[k].rule)];
    const std::uint32_t n = e.fresh[r];
    bool is_new = false;
    if (n != kKnown) {
      // Hints for the new ones to come, as explore() gives them: slots 16 ahead, the
      // states those slots name 8 ahead.
      if (n + 16 < e.key.size()) visited_.prefetch(e.key[n + 16]);
      if (n + 8 < e.key.size()) visited_.prepare_more(e.key[n + 8]);
      is_new = insert(&e.rep[n * w], e.key[n]).second;
      if (is_new && keeps_concrete()) keep_concrete(&e.concrete[n * w]);
    }
    if (is_new)
      for (std::size_t j = 0; j < state_invariants_.size(); ++j)
        if ((e.state_premises[n] >> j) & 1) ++stats_.premise_held[state_invariants_[j]];
    if ((e.step_broken[r] || (is_new && e.state_broken[n])) && !violation_) {
      State<Concrete> s{};
      codec_.unpack(stored(i), s);
      Log<Concrete> log;
      State<Concrete> next = successor(pb_, s, instances_[k], log);
      violation_ = Violation{i, static_cast<int>(k), all_broken(pb_, s, log, next).front()};
    }
  }

  /// A path from the initial state to stored state t.
  std::vector<Instance> path_to(std::uint32_t t, std::vector<std::uint32_t>* states) const {
    StoredLevels levels{pb_, instances_, codec_, [this](std::uint32_t i) { return stored(i); },
                        level_first_};
    return pasid::path_to(levels, t, states);
  }

  /// A real path to the violation: the path to its stored state, then the breaking step.
  Counterexample counterexample() const {
    std::vector<Instance> path;
    if (violation_->from != kNoParent) {
      path = path_to(violation_->from, nullptr);
      path.push_back(instances_[static_cast<unsigned>(violation_->instance)]);
    }
    auto cex = replay_path(pb_, path, violation_->invariant);
    if (!cex) throw std::logic_error("internal error: a counterexample does not replay");
    return *cex;
  }
};

}  // namespace

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
