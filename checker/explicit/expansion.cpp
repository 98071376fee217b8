#include "expansion.hpp"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <thread>

#include "lookahead.hpp"
#include "successor.hpp"
#include "symmetry.hpp"

namespace pasid {

void pack_representative(const ExpansionContext& c, const State<Concrete>& next,
                         std::uint8_t* out) {
  if (!c.symmetry) return c.codec.pack(next, out);
  State<Concrete> rep = next;
  canonicalize(rep, c.pb.bounds);
  c.codec.pack(rep, out);
}

void pack_representative(const ExpansionContext& c, const State<Concrete>& from,
                         const std::uint8_t* from_packed, const State<Concrete>& next,
                         std::uint8_t* out, Representatives* reps) {
  if (!c.symmetry) return c.codec.pack_change(from, from_packed, next, out);
  const std::size_t w = c.codec.width();
  std::uint8_t raw[StateCodec::kMaxBytes];
  std::uint64_t h = 0;
  if (reps) {
    c.codec.pack_change(from, from_packed, next, raw);
    h = reps->key(raw);
    if (const std::uint8_t* known = reps->find(raw, h)) return (void)std::memcpy(out, known, w);
  }
  State<Concrete> rep = next;
  const bool renamed = canonicalize(rep, c.pb.bounds) != Renaming::identity();
  if (reps && !renamed)
    std::memcpy(out, raw, w);  // next is its own representative, packed already
  else
    c.codec.pack_change(from, from_packed, rep, out);
  if (reps) reps->keep(raw, h, out);
}

void StepCounts::reset(std::size_t invariants) {
  transitions = 0;
  rule_fired.assign(kRuleCount, 0);
  premise_held.assign(invariants, 0);
  seen.assign(kSeenKinds, 0);
  frees_at.assign(kFreeSites, 0);
}

void StepCounts::add_to(Stats& s) const {
  s.transitions += transitions;
  for (std::size_t j = 0; j < rule_fired.size(); ++j) s.rule_fired[j] += rule_fired[j];
  for (std::size_t j = 0; j < premise_held.size(); ++j) s.premise_held[j] += premise_held[j];
  for (std::size_t j = 0; j < seen.size(); ++j) s.seen[j] += seen[j];
  for (std::size_t j = 0; j < frees_at.size(); ++j) s.pasid_frees_at[j] += frees_at[j];
}

void Expansion::reset(std::uint32_t first_state, std::size_t invariants) {
  begin = first_state;
  first.clear();
  step.clear();
  instance.clear();
  step_broken.clear();
  fresh.clear();
  rep.clear();
  key.clear();
  state_broken.clear();
  state_premises.clear();
  counts.reset(invariants);
  error = nullptr;
  error_state = 0;
}

namespace {

/// The successors of one expansion that may be new, by representative: one reached twice
/// (from two states of the run, as two orders of the same steps often are) is copied and
/// checked once.  Open addressing over their numbers in the expansion, plus one.
class MaybeNew {
 public:
  explicit MaybeNew(std::size_t width) : w_(width) {}

  /// Forgets them all, keeping the room: for the next expansion.
  void clear() { std::fill(slots_.begin(), slots_.end(), 0); }

  /// The number in e of a maybe-new successor equal to rep (with key `key`), and false; or,
  /// if there is none, the number rep takes as e's next one, and true.
  std::pair<std::uint32_t, bool> find_or_add(const Expansion& e, const std::uint8_t* rep,
                                             std::uint64_t key) {
    auto next = static_cast<std::uint32_t>(e.key.size());
    if ((std::size_t{next} + 1) * 2 > slots_.size()) grow(e);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t j = (key >> 32) & mask;; j = (j + 1) & mask) {
      std::uint32_t s = slots_[j];
      if (!s) {
        slots_[j] = next + 1;
        return {next, true};
      }
      if (e.key[s - 1] == key && std::equal(rep, rep + w_, &e.rep[(s - 1) * w_]))
        return {s - 1, false};
    }
  }

 private:
  std::size_t w_;
  std::vector<std::uint32_t> slots_;

  void grow(const Expansion& e) {
    slots_.assign(std::max<std::size_t>(256, slots_.size() * 2), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t n = 0; n < e.key.size(); ++n) {
      std::size_t j = (e.key[n] >> 32) & mask;
      while (slots_[j]) j = (j + 1) & mask;
      slots_[j] = n + 1;
    }
  }
};

/// One thread's expansions, block after block: its lookahead and its set of successors
/// that may be new are kept from one to the next, and so is the room each expansion
/// it fills had (a run's expansions are filled again two runs later).
class Worker {
 public:
  Worker(const ExpansionContext& c, Representatives* reps)
      : c_(c), ahead_(c, reps), maybe_(c.codec.width()) {}

  void expand(std::uint32_t begin, std::uint32_t end, Expansion& out) {
    start(begin, out);
    for (std::uint32_t i = begin; i < end; ++i) {
      out.first.push_back(static_cast<std::uint32_t>(out.instance.size()));
      const Batch& b = ahead_.at(i, end);
      for (std::size_t n = 0; n < b.size; ++n) add_step(b, n, out);
      if (b.error) {
        out.error = b.error;
        out.error_state = i;
        break;
      }
    }
    out.first.push_back(static_cast<std::uint32_t>(out.instance.size()));
  }

 private:
  const ExpansionContext& c_;
  Lookahead ahead_;
  MaybeNew maybe_;

  void start(std::uint32_t begin, Expansion& out) {
    out.reset(begin, c_.pb.invariants.size());
    maybe_.clear();
  }

  /// Counts step n of batch b, and keeps it as a record if the search must look at it:
  /// its successor may be new and was not met before in this expansion (the state
  /// invariants are then checked, as the search checks them on new states only), or it
  /// breaks a step invariant.
  void add_step(const Batch& b, std::size_t n, Expansion& out) {
    const std::size_t w = c_.codec.width();
    const std::uint8_t* rep = &b.rep[n * w];
    const bool step = count_step(c_, b, n, out.counts);
    std::uint32_t fresh = kKnown;
    if (!c_.visited.contains(rep, b.key[n])) {
      auto [number, added] = maybe_.find_or_add(out, rep, b.key[n]);
      if (added) {
        fresh = number;
        out.rep.insert(out.rep.end(), rep, rep + w);
        out.key.push_back(b.key[n]);
        std::uint64_t premises = 0;
        out.state_broken.push_back(
            c_.state_invariants.broken(b.from, b.log[n], b.next[n], premises) != 0);
        out.state_premises.push_back(premises);
      }
    }
    if (fresh == kKnown && !step) return;
    out.step.push_back(static_cast<std::uint32_t>(n));
    out.instance.push_back(static_cast<std::uint32_t>(b.instance[n]));
    out.step_broken.push_back(step);
    out.fresh.push_back(fresh);
  }
};

}  // namespace

void expand_parallel(const ExpansionContext& c, std::uint32_t begin, std::uint32_t end, int threads,
                     std::vector<Expansion>& out, std::vector<Representatives>* reps,
                     const std::function<bool()>& meanwhile) {
  // Blocks handed out one at a time: the states of a run differ in their steps, and
  // halves fixed in advance left one core idle for a third of the time.  So the calling
  // thread, back from `meanwhile`, takes what is left.
  constexpr std::uint32_t kBlock = 256;
  out.resize((end - begin + kBlock - 1) / kBlock);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  auto work = [&](int j) {
    Worker worker(c, reps ? &(*reps)[static_cast<std::size_t>(j)] : nullptr);
    for (std::size_t k = next++; k < out.size() && !stop.load(std::memory_order_relaxed);
         k = next++) {
      auto b = static_cast<std::uint32_t>(begin + k * kBlock);
      worker.expand(b, std::min(end, b + kBlock), out[k]);
    }
  };
  assert(!reps || reps->size() >= static_cast<std::size_t>(threads));
  std::vector<std::jthread> workers;  // declared last: joined before what they use goes
  for (int j = 1; j < threads; ++j) workers.emplace_back(work, j);
  try {
    if (meanwhile && !meanwhile()) stop = true;
  } catch (...) {
    stop = true;
    throw;
  }
  work(0);
  workers.clear();  // joins
  if (stop) out.clear();
}

}  // namespace pasid
