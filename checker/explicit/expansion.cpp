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
  canonicalize(rep, c.pb.bounds);
  c.codec.pack_change(from, from_packed, rep, out);
  if (reps) reps->keep(raw, h, out);
}

namespace {

/// The successors of one expansion that may be new, by representative: one reached twice
/// (from two states of the run, as two orders of the same steps often are) is copied and
/// checked once.  Open addressing over their numbers in the expansion, plus one.
class MaybeNew {
 public:
  explicit MaybeNew(std::size_t width) : w_(width) {}

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

/// Appends one record: step n of batch b and its verdicts; the state invariants only when
/// its successor is not known already, and not met before in this expansion (the search
/// checks them on new states only).
void add_record(const ExpansionContext& c, const Batch& b, std::size_t n, MaybeNew& maybe,
                Expansion& out) {
  const std::size_t w = c.codec.width();
  const State<Concrete>& next = b.next[n];
  const Log<Concrete>& log = b.log[n];
  const std::uint8_t* rep = &b.rep[n * w];
  std::uint64_t held = 0;
  bool step = c.step_invariants.broken(b.from, log, next, held) != 0;
  c.step_invariants.count(held, out.step_premises);
  out.instance.push_back(static_cast<std::uint32_t>(b.instance[n]));
  out.step_broken.push_back(step);
  count_observations(log, out.seen, out.frees_at);
  if (c.visited.contains(rep, b.key[n])) {
    out.fresh.push_back(kKnown);
    return;
  }
  auto [number, added] = maybe.find_or_add(out, rep, b.key[n]);
  out.fresh.push_back(number);
  if (!added) return;
  out.rep.insert(out.rep.end(), rep, rep + w);
  out.key.push_back(b.key[n]);
  std::uint64_t premises = 0;
  bool state = c.state_invariants.broken(b.from, log, next, premises) != 0;
  out.state_broken.push_back(state);
  out.state_premises.push_back(premises);
}

}  // namespace

void expand(const ExpansionContext& c, std::uint32_t begin, std::uint32_t end, Expansion& out,
            Representatives* reps) {
  out.begin = begin;
  out.step_premises.assign(c.pb.invariants.size(), 0);
  out.seen.assign(kSeenKinds, 0);
  out.frees_at.assign(kFreeSites, 0);
  Lookahead ahead(c, reps);
  MaybeNew maybe(c.codec.width());
  for (std::uint32_t i = begin; i < end; ++i) {
    out.first.push_back(static_cast<std::uint32_t>(out.instance.size()));
    const Batch& b = ahead.at(i, end);
    for (std::size_t n = 0; n < b.size; ++n) add_record(c, b, n, maybe, out);
    if (b.error) {
      out.error = b.error;
      out.error_state = i;
      break;
    }
  }
  out.first.push_back(static_cast<std::uint32_t>(out.instance.size()));
}

std::vector<Expansion> expand_parallel(const ExpansionContext& c, std::uint32_t begin,
                                       std::uint32_t end, int threads,
                                       std::vector<Representatives>* reps,
                                       const std::function<bool()>& meanwhile) {
  // Blocks handed out one at a time: the states of a run differ in their steps, and
  // halves fixed in advance left one core idle for a third of the time.  So the calling
  // thread, back from `meanwhile`, takes what is left.
  constexpr std::uint32_t kBlock = 256;
  std::vector<Expansion> out((end - begin + kBlock - 1) / kBlock);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  auto work = [&](int j) {
    Representatives* mine = reps ? &(*reps)[static_cast<std::size_t>(j)] : nullptr;
    for (std::size_t k = next++; k < out.size() && !stop.load(std::memory_order_relaxed);
         k = next++) {
      auto b = static_cast<std::uint32_t>(begin + k * kBlock);
      expand(c, b, std::min(end, b + kBlock), out[k], mine);
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
  return out;
}

}  // namespace pasid
