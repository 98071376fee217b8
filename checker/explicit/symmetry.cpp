#include "symmetry.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace pasid {

namespace {

using St = State<Concrete>;
using Key = std::array<int, 12>;
constexpr int kMaxSlots = 8;
using Order = std::array<int, kMaxSlots>;  // order[new] = old

/// The slots 0..n-1 sorted by key (stable), and the inverse: renamed[old] = new.
template <class KeyOf>
std::pair<Order, Order> sort_slots(int n, KeyOf&& key_of) {
  std::array<Key, kMaxSlots> keys{};
  Order order{}, renamed{};
  for (int i = 0; i < n; ++i) keys[i] = key_of(i);
  std::iota(order.begin(), order.begin() + n, 0);
  std::stable_sort(order.begin(), order.begin() + n,
                   [&](int x, int y) { return keys[x] < keys[y]; });
  for (int i = 0; i < n; ++i) renamed[order[i]] = i;
  return {order, renamed};
}

void rename(Concrete::Int& v, const Order& renamed) {
  if (v != kNone) v = static_cast<Concrete::Int>(renamed[v]);
}

void sort_mms(St& s, const Bounds& b) {
  auto [order, renamed] = sort_slots(b.mms, [&](int m) {
    const auto& mm = s.mms[m];
    Key k{mm.count == 0, mm.users, mm.count, (mm.pasid != kNoPasid) + 2 * mm.refs};
    for (int f = 0; f < b.files; ++f) k[4] += mm.portal[f];
    std::array<int, kMaxDevices> bonds{};  // as a multiset: devices are renamed too
    for (int d = 0; d < b.devices; ++d) bonds[d] = s.bonds[d][m].users * 16 + s.bonds[d][m].entry;
    std::sort(bonds.begin(), bonds.end());
    std::copy(bonds.begin(), bonds.end(), k.begin() + 5);
    for (int p = 0; p < b.processes; ++p) k[9] += s.procs[p].mm == m;
    for (int f = 0; f < b.files; ++f) k[10] += s.files[f].mm == m;
    return k;
  });
  St old = s;
  for (int m = 0; m < b.mms; ++m) {
    s.mms[m] = old.mms[order[m]];
    for (int d = 0; d < b.devices; ++d) s.bonds[d][m] = old.bonds[d][order[m]];
  }
  for (int p = 0; p < b.processes; ++p) rename(s.procs[p].mm, renamed);
  for (int f = 0; f < b.files; ++f) rename(s.files[f].mm, renamed);
  for (int p = 0; p < b.pasids; ++p) rename(s.alloc.owner[p], renamed);
}

/// Devices by their bonds to the (already sorted) mms.
void sort_devices(St& s, const Bounds& b) {
  auto [order, renamed] = sort_slots(b.devices, [&](int d) {
    Key k{};
    for (int m = 0; m < b.mms && m < 6; ++m)
      k[2 * m] = s.bonds[d][m].users * 16 + s.bonds[d][m].entry,
            k[2 * m + 1] = s.bonds[d][m].pasid != 0;
    return k;
  });
  St old = s;
  for (int d = 0; d < b.devices; ++d) s.bonds[d] = old.bonds[order[d]];
  for (int f = 0; f < b.files; ++f) rename(s.files[f].dev, renamed);
}

/// PASID values by their owner (sorted mms own at most one each), then by who names them.
void sort_pasids(St& s, const Bounds& b) {
  auto [order, renamed] = sort_slots(b.pasids, [&](int i) {
    int p = i + 1;
    Key k{s.alloc.owner[i] == kNone, s.alloc.owner[i]};
    for (int m = 0; m < b.mms; ++m) k[2] += s.mms[m].pasid == p;
    for (int t = 0; t < b.threads; ++t)
      k[3] += (s.threads[t].msr_pasid == p) + 8 * (s.threads[t].xsave == p);
    for (int d = 0; d < b.devices; ++d)
      for (int m = 0; m < b.mms; ++m) k[4] += s.bonds[d][m].pasid == p;
    return k;
  });
  auto value = [&renamed = renamed](Concrete::Int& p) {  // clang 14: no capture of a binding
    if (p != kNoPasid) p = static_cast<Concrete::Int>(renamed[p - 1] + 1);
  };
  St old = s;
  for (int i = 0; i < b.pasids; ++i) s.alloc.owner[i] = old.alloc.owner[order[i]];
  for (int m = 0; m < b.mms; ++m) value(s.mms[m].pasid);
  for (int t = 0; t < b.threads; ++t) {
    value(s.threads[t].msr_pasid);
    value(s.threads[t].xsave);
  }
  for (int d = 0; d < b.devices; ++d)
    for (int m = 0; m < b.mms; ++m) value(s.bonds[d][m].pasid);
}

void sort_files(St& s, const Bounds& b) {
  auto [order, renamed] = sort_slots(b.files, [&](int f) {
    Key k{s.files[f].dev == kNone, s.files[f].dev, s.files[f].mm};
    for (int p = 0; p < b.processes; ++p) k[3] += s.procs[p].fd[f];
    for (int m = 0; m < b.mms; ++m) k[4] |= s.mms[m].portal[f] << m;
    return k;
  });
  St old = s;
  for (int f = 0; f < b.files; ++f) {
    s.files[f] = old.files[order[f]];
    for (int p = 0; p < b.processes; ++p) s.procs[p].fd[f] = old.procs[p].fd[order[f]];
    for (int m = 0; m < b.mms; ++m) s.mms[m].portal[f] = old.mms[m].portal[order[f]];
  }
  (void)renamed;
}

int thread_signature(const Thread<Concrete>& t) {
  int design_a = t.ipi * 8 + t.waits * 4 + t.fpregs * 2;
  return ((t.xsave * 16 + design_a) * 64 + t.msr_valid) * 32 + t.msr_pasid * 2 + t.activated;
}

void sort_procs(St& s, const Bounds& b) {
  auto [order, renamed] = sort_slots(b.processes, [&](int p) {
    Key k{s.procs[p].mm == kNone, s.procs[p].mm, 0};
    for (int f = 0; f < b.files; ++f) k[2] |= s.procs[p].fd[f] << f;
    std::array<int, kMaxThreads> sig{};  // the group's threads, as a sorted multiset
    for (int t = 0; t < b.threads; ++t)
      if (s.threads[t].alive && s.threads[t].proc == p) sig[t] = 1 + thread_signature(s.threads[t]);
    std::sort(sig.begin(), sig.end());
    std::copy(sig.begin(), sig.end(), k.begin() + 4);
    return k;
  });
  St old = s;
  for (int p = 0; p < b.processes; ++p) s.procs[p] = old.procs[order[p]];
  for (int t = 0; t < b.threads; ++t) rename(s.threads[t].proc, renamed);
}

void sort_threads(St& s, const Bounds& b) {
  auto [order, renamed] = sort_slots(b.threads, [&](int t) {
    const auto& th = s.threads[t];
    return Key{!th.alive, th.proc, thread_signature(th)};
  });
  St old = s;
  for (int t = 0; t < b.threads; ++t) s.threads[t] = old.threads[order[t]];
  (void)renamed;
}

}  // namespace

void canonicalize(State<Concrete>& s, const Bounds& b) {
  sort_mms(s, b);
  sort_devices(s, b);
  sort_pasids(s, b);
  sort_files(s, b);
  sort_procs(s, b);
  sort_threads(s, b);
}

}  // namespace pasid
