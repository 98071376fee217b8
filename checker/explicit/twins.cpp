#include "twins.hpp"

namespace pasid {

namespace {

using St = State<Concrete>;

/// Bit k for each slot k below n for which alike(j, k) holds with some j < k.
template <class Alike>
std::uint32_t lower_alike(int n, Alike&& alike) {
  std::uint32_t out = 0;
  for (int k = 1; k < n; ++k)
    for (int j = 0; j < k; ++j)
      if (alike(j, k)) {
        out |= 1u << k;
        break;
      }
  return out;
}

/// Live threads j and k with the same fields (process, MSR, flags).
bool threads_alike(const St& s, int j, int k) {
  return s.threads[k].alive && s.threads[j] == s.threads[k];
}

/// Open files f and g of the same device and mm, in the fd tables of the same processes and
/// mapped by the same mms.
bool files_alike(const St& s, const Bounds& b, int f, int g) {
  if (s.files[g].dev == kNone || !(s.files[f] == s.files[g])) return false;
  for (int p = 0; p < b.processes; ++p)
    if (s.procs[p].fd[f] != s.procs[p].fd[g]) return false;
  for (int m = 0; m < b.mms; ++m)
    if (s.mms[m].portal[f] != s.mms[m].portal[g]) return false;
  return true;
}

/// Devices d and e that no file names, with the same bonds.
bool devices_alike(const St& s, const Bounds& b, int d, int e) {
  for (int f = 0; f < b.files; ++f)
    if (s.files[f].dev == d || s.files[f].dev == e) return false;
  for (int m = 0; m < b.mms; ++m)
    if (!(s.bonds[d][m] == s.bonds[e][m])) return false;
  return true;
}

}  // namespace

Twins twins(const St& s, const Bounds& b) {
  return {lower_alike(b.threads, [&](int j, int k) { return threads_alike(s, j, k); }),
          lower_alike(b.files, [&](int f, int g) { return files_alike(s, b, f, g); }),
          lower_alike(b.devices, [&](int d, int e) { return devices_alike(s, b, d, e); })};
}

}  // namespace pasid
