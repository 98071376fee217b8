#include "symmetry.hpp"

#include <algorithm>
#include <numeric>

namespace pasid {

namespace {

using St = State<Concrete>;
using Key = std::array<int, 12>;
constexpr int kMaxSlots = 8;
using Order = std::array<int, kMaxSlots>;  // order[new] = old

/// The slots 0..n-1 sorted by key (stable), except the `pinned` ones (a bit per slot), which
/// keep their places: the others are sorted into the places left.
template <class KeyOf>
Order sort_slots(int n, KeyOf&& key_of, unsigned pinned = 0) {
  std::array<Key, kMaxSlots> keys{};
  Order order{}, moving{};
  std::iota(order.begin(), order.end(), 0);
  int m = 0;
  for (int i = 0; i < n; ++i) {
    keys[i] = key_of(i);
    if (!((pinned >> i) & 1)) moving[m++] = i;
  }
  Order places = moving;
  std::stable_sort(moving.begin(), moving.begin() + m,
                   [&](int x, int y) { return keys[x] < keys[y]; });
  for (int j = 0; j < m; ++j) order[places[j]] = moving[j];
  return order;
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

unsigned pinned_pasids(const St& s, const Bounds& b) {
  unsigned free = 0, named = 0;
  for (int i = 0; i < b.pasids; ++i)
    if (s.alloc.owner[i] == kNone) free |= 1u << i;
  auto name = [&](int p) {
    if (p != kNoPasid) named |= 1u << (p - 1);
  };
  for (int m = 0; m < b.mms; ++m) name(s.mms[m].pasid);
  for (int t = 0; t < b.threads; ++t) name(s.threads[t].msr_pasid), name(s.threads[t].xsave);
  for (int d = 0; d < b.devices; ++d)
    for (int m = 0; m < b.mms; ++m) name(s.bonds[d][m].pasid);
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

Order sort_mms(const St& s, const Bounds& b) {
  return sort_slots(
      b.mms,
      [&](int m) {
        const auto& mm = s.mms[m];
        Key k{mm.count == 0, mm.users, mm.count, (mm.pasid != kNoPasid) + 2 * mm.refs};
        for (int f = 0; f < b.files; ++f) k[4] += mm.portal[f];
        std::array<int, kMaxDevices> bonds{};  // as a multiset: devices are renamed too
        for (int d = 0; d < b.devices; ++d)
          bonds[d] = s.bonds[d][m].users * 16 + s.bonds[d][m].entry;
        std::sort(bonds.begin(), bonds.end());
        std::copy(bonds.begin(), bonds.end(), k.begin() + 5);
        for (int p = 0; p < b.processes; ++p) k[9] += s.procs[p].mm == m;
        for (int f = 0; f < b.files; ++f) k[10] += s.files[f].mm == m;
        return k;
      },
      pinned_mms(s, b));
}

/// Devices by their bonds to the (already sorted) mms.
Order sort_devices(const St& s, const Bounds& b) {
  return sort_slots(b.devices, [&](int d) {
    Key k{};
    for (int m = 0; m < b.mms && m < 6; ++m)
      k[2 * m] = s.bonds[d][m].users * 16 + s.bonds[d][m].entry,
            k[2 * m + 1] = s.bonds[d][m].pasid != 0;
    return k;
  });
}

/// PASID values by their owner (sorted mms own at most one each), then by who names them.
Order sort_pasids(const St& s, const Bounds& b) {
  return sort_slots(
      b.pasids,
      [&](int i) {
        int p = i + 1;
        Key k{s.alloc.owner[i] == kNone, s.alloc.owner[i]};
        for (int m = 0; m < b.mms; ++m) k[2] += s.mms[m].pasid == p;
        for (int t = 0; t < b.threads; ++t)
          k[3] += (s.threads[t].msr_pasid == p) + 8 * (s.threads[t].xsave == p);
        for (int d = 0; d < b.devices; ++d)
          for (int m = 0; m < b.mms; ++m) k[4] += s.bonds[d][m].pasid == p;
        return k;
      },
      pinned_pasids(s, b));
}

Order sort_files(const St& s, const Bounds& b) {
  return sort_slots(b.files, [&](int f) {
    Key k{s.files[f].dev == kNone, s.files[f].dev, s.files[f].mm};
    for (int p = 0; p < b.processes; ++p) k[3] += s.procs[p].fd[f];
    for (int m = 0; m < b.mms; ++m) k[4] |= s.mms[m].portal[f] << m;
    return k;
  });
}

int thread_signature(const Thread<Concrete>& t) {
  int design_a = t.ipi * 8 + t.waits * 4 + t.fpregs * 2;
  return ((t.xsave * 16 + design_a) * 64 + t.msr_valid) * 32 + t.msr_pasid * 2 + t.activated;
}

Order sort_procs(const St& s, const Bounds& b) {
  return sort_slots(b.processes, [&](int p) {
    Key k{s.procs[p].mm == kNone, s.procs[p].mm, 0};
    for (int f = 0; f < b.files; ++f) k[2] |= s.procs[p].fd[f] << f;
    std::array<int, kMaxThreads> sig{};  // the group's threads, as a sorted multiset
    for (int t = 0; t < b.threads; ++t)
      if (in_process(s, t, p)) sig[t] = 1 + thread_signature(s.threads[t]);
    std::sort(sig.begin(), sig.end());
    std::copy(sig.begin(), sig.end(), k.begin() + 4);
    return k;
  });
}

Order sort_threads(const St& s, const Bounds& b) {
  return sort_slots(b.threads, [&](int t) {
    const auto& th = s.threads[t];
    return Key{!th.alive, th.proc, thread_signature(th)};
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
  record(r, Renaming::mm, apply_mms(s, b, sort_mms(s, b)));
  record(r, Renaming::device, apply_devices(s, b, sort_devices(s, b)));
  record(r, Renaming::pasid, apply_pasids(s, b, sort_pasids(s, b)));
  record(r, Renaming::file, apply_files(s, b, sort_files(s, b)));
  record(r, Renaming::process, apply_procs(s, b, sort_procs(s, b)));
  record(r, Renaming::thread, apply_threads(s, b, sort_threads(s, b)));
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
