#include "symmetry.hpp"

#include <cassert>
#include <functional>
#include <numeric>

namespace pasid {

namespace {

using St = State<Concrete>;
constexpr int kMaxSlots = 8;

/// A slot's sort key: fields of fixed widths packed most significant first, so that keys
/// compare as their fields do, in order.  Every key of a sort is built by the same calls, so
/// the fields line up.  128 bits hold the widest key (a process: its threads).
class Key {
 public:
  __extension__ using Bits = unsigned __int128;  // g++ and clang++ both have it

  /// Appends a field: `value` in 0 .. 2^bits - 1, the widths being those of the fields'
  /// ranges.  A value outside (a field outside its range, which the codec rejects right
  /// after: OutOfRange) spills into the fields before it: a key only orders slots, and any
  /// order is a renaming.
  Key& put(int value, unsigned bits) {
    assert(bits <= 32 && used_ + bits <= 128);
    used_ += bits;
    v_ |= static_cast<Bits>(value) << (128 - used_);
    return *this;
  }
  /// A slot number, or kNone after every slot.
  Key& slot(int value) { return put(value == kNone ? 15 : value, 4); }
  /// A slot number, or kNone before every slot.
  Key& slot_or_none_first(int value) { return put(value + 1, 4); }
  /// How many slots of a sort (at most 8).
  Key& count(int value) { return put(value, 4); }
  Bits bits() const { return v_; }

 private:
  Bits v_ = 0;
  unsigned used_ = 0;
};

/// Sorts a[0..n) by `less`, stably, and says whether anything moved.  Insertion sort: n is
/// at most 8, and std::stable_sort's buffer cost a malloc and a free per call.
template <class Less = std::less<>>
bool sort_small(int* a, int n, Less less = {}) {
  bool moved = false;
  for (int j = 1; j < n; ++j) {
    int x = a[j], k = j;
    for (; k > 0 && less(x, a[k - 1]); --k) a[k] = a[k - 1];
    a[k] = x;
    moved = moved || k != j;
  }
  return moved;
}

using Order = std::array<int, kMaxSlots>;  // order[new] = old

/// A sort's new order of its slots: order[new] = old, and whether that is the identity (the
/// common case: most successors of a representative are one already), so that applying it
/// can be skipped.  When it is, `order` is left blank.
struct Sorted {
  Order order;
  bool moved;
};

/// The slots 0..n-1 sorted by key (stable), except the `pinned` ones (a bit per slot), which
/// keep their places: the others are sorted into the places left.
template <class KeyOf>
Sorted sort_slots(int n, KeyOf&& key_of, unsigned pinned = 0) {
  Key::Bits keys[kMaxSlots];  // the first n set: eight Keys cleared cost more than the sort
  int moving[kMaxSlots], places[kMaxSlots];
  int m = 0;
  for (int i = 0; i < n; ++i) {
    keys[i] = key_of(i).bits();
    if (!((pinned >> i) & 1)) moving[m] = places[m] = i, ++m;
  }
  Sorted out{};
  out.moved = sort_small(moving, m, [&](int x, int y) { return keys[x] < keys[y]; });
  if (!out.moved) return out;  // the order is not read
  std::iota(out.order.begin(), out.order.end(), 0);
  for (int j = 0; j < m; ++j) out.order[places[j]] = moving[j];
  return out;
}

/// The lowest-free allocation (new threads, processes, mms, files; PASIDs) takes the lowest
/// free slot.  That is the same up to renaming from any renaming of a state only while the
/// free slots are blank: all alike.  A free slot something still names (a thread's stale
/// MSR names a freed PASID; a leaked PASID's owner names a freed mm, in the buggy designs)
/// is not, so while a sort has one, its free slots keep their places (a bit per slot).
unsigned pinned_mms(const St& s, const Bounds& b) {
  unsigned free = 0;
  bool named = false;
  for (int m = 0; m < b.mms; ++m) {
    if (s.mms[m].count != 0) continue;
    free |= 1u << m;
    const auto& mm = s.mms[m];
    named = named || mm.users || mm.pasid != kNoPasid || mm.refs || mm.lam;
    for (int f = 0; f < b.files; ++f) named = named || mm.portal[f] || s.files[f].mm == m;
    for (int p = 0; p < b.processes; ++p) named = named || s.procs[p].mm == m;
    for (int p = 0; p < b.pasids; ++p) named = named || s.alloc.owner[p] == m;
    for (int d = 0; d < b.devices; ++d)
      named = named || s.bonds[d][m].users || s.bonds[d][m].pasid || s.bonds[d][m].entry;
  }
  return named ? free : 0;
}

/// Who names each PASID value, by value (0: none): mms, threads (a saved value weighs 8)
/// and bonds.  One pass over the state; sort_pasids() and pinned_pasids() read it.
struct PasidNamers {
  std::array<int, kMaxPasids + 1> mms{}, threads{}, bonds{};

  PasidNamers(const St& s, const Bounds& b) {
    auto count = [](std::array<int, kMaxPasids + 1>& by, int p, int weight) {
      if (p > kNoPasid && p <= kMaxPasids) by[static_cast<std::size_t>(p)] += weight;
    };
    for (int m = 0; m < b.mms; ++m) count(mms, s.mms[m].pasid, 1);
    for (int t = 0; t < b.threads; ++t) {
      count(threads, s.threads[t].msr_pasid, 1);
      count(threads, s.threads[t].xsave, 8);
    }
    for (int d = 0; d < b.devices; ++d)
      for (int m = 0; m < b.mms; ++m) count(bonds, s.bonds[d][m].pasid, 1);
  }
  bool named(std::size_t p) const { return mms[p] || threads[p] || bonds[p]; }
};

unsigned pinned_pasids(const St& s, const Bounds& b, const PasidNamers& namers) {
  unsigned free = 0, named = 0;
  for (int i = 0; i < b.pasids; ++i) {
    if (s.alloc.owner[i] == kNone) free |= 1u << i;
    if (namers.named(static_cast<std::size_t>(i + 1))) named |= 1u << i;
  }
  return (free & named) ? free : 0;
}

void rename(Concrete::Int& v, const Order& renamed) {
  if (v != kNone) v = static_cast<Concrete::Int>(renamed[v]);
}

/// The inverse of order: renamed[old] = new (slots from n on keep their names).
Order renamed_of(const Order& order, int n) {
  Order renamed{};
  std::iota(renamed.begin(), renamed.end(), 0);
  for (int i = 0; i < n; ++i) renamed[order[i]] = i;
  return renamed;
}

/// Slot i of a takes old slot order[i], for the first n slots.
template <class A>
void permute(A& a, const Order& order, int n) {
  A old = a;
  for (int i = 0; i < n; ++i) a[i] = old[order[i]];
}

// Each apply_<sort>(s, b, order) moves the slots of one sort (slot new takes old slot
// order[new]) and renames every reference to them; it returns renamed[old] = new.

Order apply_mms(St& s, const Bounds& b, const Order& order) {
  Order renamed = renamed_of(order, b.mms);
  permute(s.mms, order, b.mms);
  for (int d = 0; d < b.devices; ++d) permute(s.bonds[d], order, b.mms);
  for (int p = 0; p < b.processes; ++p) rename(s.procs[p].mm, renamed);
  for (int f = 0; f < b.files; ++f) rename(s.files[f].mm, renamed);
  for (int p = 0; p < b.pasids; ++p) rename(s.alloc.owner[p], renamed);
  return renamed;
}

Order apply_devices(St& s, const Bounds& b, const Order& order) {
  Order renamed = renamed_of(order, b.devices);
  permute(s.bonds, order, b.devices);
  for (int f = 0; f < b.files; ++f) rename(s.files[f].dev, renamed);
  return renamed;
}

Order apply_pasids(St& s, const Bounds& b, const Order& order) {
  Order renamed = renamed_of(order, b.pasids);
  auto value = [&renamed](Concrete::Int& p) {
    if (p != kNoPasid) p = static_cast<Concrete::Int>(renamed[p - 1] + 1);
  };
  permute(s.alloc.owner, order, b.pasids);
  for (int m = 0; m < b.mms; ++m) value(s.mms[m].pasid);
  for (int t = 0; t < b.threads; ++t) {
    value(s.threads[t].msr_pasid);
    value(s.threads[t].xsave);
  }
  for (int d = 0; d < b.devices; ++d)
    for (int m = 0; m < b.mms; ++m) value(s.bonds[d][m].pasid);
  return renamed;
}

Order apply_files(St& s, const Bounds& b, const Order& order) {
  permute(s.files, order, b.files);
  for (int p = 0; p < b.processes; ++p) permute(s.procs[p].fd, order, b.files);
  for (int m = 0; m < b.mms; ++m) permute(s.mms[m].portal, order, b.files);
  return renamed_of(order, b.files);
}

Order apply_procs(St& s, const Bounds& b, const Order& order) {
  Order renamed = renamed_of(order, b.processes);
  permute(s.procs, order, b.processes);
  for (int t = 0; t < b.threads; ++t) rename(s.threads[t].proc, renamed);
  return renamed;
}

Order apply_threads(St& s, const Bounds& b, const Order& order) {
  permute(s.threads, order, b.threads);
  return renamed_of(order, b.threads);
}

/// A bond's place in a key: its users and whether the device's table has the entry.
int bond_signature(const Bond<Concrete>& bond) {
  return bond.users * 16 + bond.entry;
}

Sorted sort_mms(const St& s, const Bounds& b) {
  return sort_slots(
      b.mms,
      [&](int m) {
        const auto& mm = s.mms[m];
        Key k;
        k.put(mm.count == 0, 1).put(mm.users, 4).put(mm.count, 3);
        k.put((mm.pasid != kNoPasid) + 2 * mm.refs, 5);
        int portals = 0, procs = 0, files = 0;
        for (int f = 0; f < b.files; ++f) portals += mm.portal[f];
        k.count(portals);
        std::array<int, kMaxDevices> bonds{};  // as a multiset: devices are renamed too
        for (int d = 0; d < b.devices; ++d) bonds[d] = bond_signature(s.bonds[d][m]);
        sort_small(bonds.data(), b.devices);
        for (int d = 0; d < b.devices; ++d) k.put(bonds[d], 8);
        for (int p = 0; p < b.processes; ++p) procs += s.procs[p].mm == m;
        for (int f = 0; f < b.files; ++f) files += s.files[f].mm == m;
        return k.count(procs).count(files);
      },
      pinned_mms(s, b));
}

/// Devices by their bonds to the (already sorted) mms.
Sorted sort_devices(const St& s, const Bounds& b) {
  return sort_slots(b.devices, [&](int d) {
    Key k;
    for (int m = 0; m < b.mms && m < 6; ++m)
      k.put(bond_signature(s.bonds[d][m]), 8).put(s.bonds[d][m].pasid != 0, 1);
    return k;
  });
}

/// PASID values by their owner (sorted mms own at most one each), then by who names them.
Sorted sort_pasids(const St& s, const Bounds& b) {
  const PasidNamers namers(s, b);
  return sort_slots(
      b.pasids,
      [&](int i) {
        auto p = static_cast<std::size_t>(i + 1);
        Key k;
        k.slot(s.alloc.owner[i]).count(namers.mms[p]);
        return k.put(namers.threads[p], 7).put(namers.bonds[p], 6);
      },
      pinned_pasids(s, b, namers));
}

Sorted sort_files(const St& s, const Bounds& b) {
  return sort_slots(b.files, [&](int f) {
    int fds = 0, portals = 0;
    for (int p = 0; p < b.processes; ++p) fds += s.procs[p].fd[f];
    for (int m = 0; m < b.mms; ++m) portals |= s.mms[m].portal[f] << m;
    Key k;
    k.slot(s.files[f].dev).slot_or_none_first(s.files[f].mm);
    return k.count(fds).put(portals, kMaxMms);
  });
}

/// A thread's fields but its slot and process, in 14 bits.
int thread_signature(const Thread<Concrete>& t) {
  int design_a = t.ipi * 8 + t.waits * 4 + t.fpregs * 2;
  return (((t.xsave * 16 + design_a) * 2 + t.msr_valid) * 16 + t.msr_pasid) * 2 + t.activated;
}

Sorted sort_procs(const St& s, const Bounds& b) {
  return sort_slots(b.processes, [&](int p) {
    int fds = 0, n = 0;
    for (int f = 0; f < b.files; ++f) fds |= s.procs[p].fd[f] << f;
    std::array<int, kMaxThreads> sig{};  // the group's threads, as a sorted multiset
    for (int t = 0; t < b.threads; ++t)
      if (in_process(s, t, p)) sig[n++] = thread_signature(s.threads[t]);
    sort_small(sig.data(), n);
    Key k;
    k.slot(s.procs[p].mm).put(fds, kMaxFiles).count(n);
    for (int j = 0; j < n; ++j) k.put(sig[j], 14);
    return k;
  });
}

Sorted sort_threads(const St& s, const Bounds& b) {
  return sort_slots(b.threads, [&](int t) {
    const auto& th = s.threads[t];
    Key k;
    return k.put(!th.alive, 1).slot_or_none_first(th.proc).put(thread_signature(th), 14);
  });
}

/// The renamed[] of one sort into r.
void record(Renaming& r, Renaming::Sort k, const Order& renamed) {
  for (int i = 0; i < kMaxSlots; ++i) r.to[k][i] = static_cast<std::int8_t>(renamed[i]);
}

}  // namespace

Renaming Renaming::identity() {
  Renaming r;
  for (auto& row : r.to)
    for (int i = 0; i < kMaxSlots; ++i) row[i] = static_cast<std::int8_t>(i);
  return r;
}

Renaming Renaming::inverse() const {
  Renaming r = identity();
  for (unsigned k = 0; k < kSorts; ++k)
    for (int i = 0; i < kMaxSlots; ++i) r.to[k][to[k][i]] = static_cast<std::int8_t>(i);
  return r;
}

Renaming Renaming::then(const Renaming& next) const {
  Renaming r;
  for (unsigned k = 0; k < kSorts; ++k)
    for (int i = 0; i < kMaxSlots; ++i) r.to[k][i] = next.to[k][to[k][i]];
  return r;
}

void Renaming::swap_after(Sort k, int i, int j) {
  for (auto& v : to[k]) v = static_cast<std::int8_t>(v == i ? j : v == j ? i : v);
}

Renaming canonicalize(State<Concrete>& s, const Bounds& b) {
  // Slots beyond a sort's bound keep their names (the orders leave them in place).
  Renaming r = Renaming::identity();
  auto settle = [&](Renaming::Sort k, const Sorted& sorted, auto apply) {
    if (sorted.moved) record(r, k, apply(s, b, sorted.order));
  };
  settle(Renaming::mm, sort_mms(s, b), apply_mms);
  settle(Renaming::device, sort_devices(s, b), apply_devices);
  settle(Renaming::pasid, sort_pasids(s, b), apply_pasids);
  settle(Renaming::file, sort_files(s, b), apply_files);
  settle(Renaming::process, sort_procs(s, b), apply_procs);
  settle(Renaming::thread, sort_threads(s, b), apply_threads);
  return r;
}

void rename(State<Concrete>& s, const Bounds& b, const Renaming& r) {
  Renaming from = r.inverse();  // order[new] = old
  auto order = [&](Renaming::Sort k) {
    Order o{};
    for (int i = 0; i < kMaxSlots; ++i) o[i] = from.to[k][i];
    return o;
  };
  apply_mms(s, b, order(Renaming::mm));
  apply_devices(s, b, order(Renaming::device));
  apply_pasids(s, b, order(Renaming::pasid));
  apply_files(s, b, order(Renaming::file));
  apply_procs(s, b, order(Renaming::process));
  apply_threads(s, b, order(Renaming::thread));
}

Renaming::Sort sort_of(Param p) {
  static constexpr Renaming::Sort sorts[] = {Renaming::thread, Renaming::device,  Renaming::file,
                                             Renaming::thread, Renaming::process, Renaming::mm,
                                             Renaming::file,   Renaming::pasid};
  return sorts[static_cast<unsigned>(p)];
}

int slot_of(const Args<Concrete>& a, Param p) {
  return p == Param::pasid ? a.pasid - 1 : param_value(a, p);
}

Instance rename(const Instance& in, const Renaming& r) {
  Instance out = in;
  const RuleInfo& info = rule_info(in.rule);
  for (int k = 0; k < info.param_count; ++k) {
    Param p = info.params[static_cast<unsigned>(k)];
    int to = r.to[sort_of(p)][slot_of(in.args, p)];
    if (p == Param::pasid)
      out.args.pasid = static_cast<Concrete::Int>(to + 1);
    else
      param_slot(out.args, p) = to;
  }
  return out;
}

}  // namespace pasid
