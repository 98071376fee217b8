// The replay's device actions: bind (open), the fd it returns, mmap and munmap of the
// portal, close; the PASID values the kernel prints; the #GP fixup's MSR write; and the
// unbinds and PASID frees a model step must explain.

#include "replayer.hpp"

namespace pasid::replay {

namespace {

constexpr std::int64_t kMsrValid = 0x80000000;
constexpr std::int64_t kMsrPasidMask = 0xfffff;

/// The mmap return values that are errors (-4095..-1).
bool is_error(std::int64_t v) {
  return v < 0 && v >= -4095;
}

}  // namespace

/// Which device slot the kernel's device id is; binds a free slot at first sight.
int Replayer::device_of(Names& n, const TraceEvent& e) {
  std::int64_t dev = e.given(Arg::dev) ? e[Arg::dev] : 0;
  for (int d = 0; d < pb_.bounds.devices; ++d)
    if (n.dev_bound[d] && n.dev[d] == dev) return d;
  for (int d = 0; d < pb_.bounds.devices; ++d) {
    if (n.dev_bound[d]) continue;
    n.dev_bound[d] = true;
    n.dev[d] = dev;
    return d;
  }
  out_of_slots(e, "devices", pb_.bounds.devices);
}

/// A bind: one successor per PASID the design lets the bind take (the mm's own; else the
/// lowest free, or with a broken allocator any); a later line printing the PASID decides.
void Replayer::bind(const Hyp& h, const TraceEvent& e, int t) {
  const auto& s = h.s;
  const auto& b = pb_.bounds;
  Hyp x = fresh(h);
  Args<Concrete> a;
  a.thread = t;
  a.device = device_of(x.n, e);
  for (int f = 0; f < b.files && a.new_file == kNone; ++f)
    if (!file_referenced(s, b, f)) a.new_file = f;
  if (a.new_file == kNone) out_of_slots(e, "open device files", b.files);
  int own = mm_pasid(s, b, t);
  int allowed = 0;  // PASIDs the design lets this bind take
  for (int p = own != kNoPasid ? own : 1; p <= (own != kNoPasid ? own : b.pasids); ++p) {
    a.pasid = static_cast<Concrete::Int>(p);
    if (!rule_guard(rule_index<Open>(), s, b, pb_.design, a)) continue;
    ++allowed;
    Hyp y = x;
    if (own == kNoPasid) y.n.pasid[a.pasid] = 0;  // a new allocation: the old name is gone
    if (!step(y, rule_index<Open>(), a, e)) continue;
    y.n.pending_file[t] = static_cast<std::int8_t>(a.new_file);
    if (e.given(Arg::pasid) && !name_pasid(y, a.pasid, e[Arg::pasid])) continue;
    if (e.given(Arg::mm) && !name_mm(y, e)) continue;
    next_.push_back(std::move(y));
  }
  // The allocator is full: the kernel had a PASID the model's slots cannot hold.
  if (allowed == 0 && own == kNoPasid) out_of_slots(e, "PASIDs allocated", b.pasids);
}

bool Replayer::files(Hyp& x, const TraceEvent& e, int t) {
  const auto& b = pb_.bounds;
  Names& n = x.n;
  int proc = x.s.threads[t].proc;
  int mm = mm_of(x.s, b, t);
  auto file_of_fd = [&](std::int64_t fd) {
    for (int f = 0; f < b.files; ++f)
      if (n.fd[proc][f] == fd && fd >= 0) return f;
    return static_cast<int>(kNone);
  };
  Args<Concrete> a;
  a.thread = t;
  switch (e.act) {
    case Act::open_ret:
      if (n.pending_file[t] == kNone) return ignore();  // not a device
      if (e[Arg::fd] < 0) {
        fail("the open failed after the device was bound");
        return false;
      }
      if (int old = file_of_fd(e[Arg::fd]); old != kNone) n.fd[proc][old] = -1;
      n.fd[proc][n.pending_file[t]] = static_cast<std::int32_t>(e[Arg::fd]);
      n.pending_file[t] = kNone;
      return true;
    case Act::mmap:
      n.pending_mmap[t] = static_cast<std::int8_t>(file_of_fd(e[Arg::fd]));
      return n.pending_mmap[t] != kNone || ignore();
    case Act::mmap_ret:
      a.file = n.pending_mmap[t];
      n.pending_mmap[t] = kNone;
      if (a.file == kNone || is_error(e[Arg::addr])) return ignore();
      if (maps_portal(x.s, b, t, a.file)) return ignore();  // a second VMA: not modelled
      if (!step(x, rule_index<Mmap>(), a, e)) return false;
      n.portal[mm][a.file] = e[Arg::addr];
      return true;
    case Act::munmap:
      for (int f = 0; f < b.files && a.file == kNone; ++f)
        if (n.portal[mm][f] == e[Arg::addr] && e[Arg::addr] != 0) a.file = f;
      if (a.file == kNone) return ignore();
      n.portal[mm][a.file] = 0;
      return step(x, rule_index<Munmap>(), a, e);
    case Act::close:
      a.file = file_of_fd(e[Arg::fd]);
      if (a.file == kNone) return ignore();
      n.fd[proc][a.file] = -1;
      return step(x, rule_index<Close>(), a, e);
    default:
      return ignore();
  }
}

bool Replayer::observe(Hyp& x, const TraceEvent& e, Seen kind) {
  Names& n = x.n;
  std::int64_t value = e.given(Arg::pasid) ? e[Arg::pasid] : 0;
  for (auto& o : n.owed) {
    if (o.age < 0 || o.kind != kind) continue;
    if (kind == Seen::pasid_free && n.pasid[o.pasid] != 0 && n.pasid[o.pasid] != value) continue;
    if (kind == Seen::pasid_free) n.pasid[o.pasid] = 0;
    o = Owed{};
    ++x.observations;
    return true;
  }
  for (auto& p : n.pending) {
    if (p.line != 0) continue;
    p = Pending{e.line, e.task, kind, value, kNone};
    return true;
  }
  fail("too many kernel lines wait for a model step");
  return false;
}

bool Replayer::msr_write(const Hyp& h, const TraceEvent& e, int t) {
  std::int64_t v = e[Arg::value];
  if (!(v & kMsrValid)) {
    if (h.s.threads[t].msr_valid) return false;  // the model never clears a valid MSR
    next_.push_back(fresh(h));
    return true;
  }
  std::size_t before = next_.size();
  portal_steps(h, e, t, rule_index<GpFixup>());
  for (std::size_t k = before; k < next_.size();) {
    Hyp& x = next_[k];
    if (name_pasid(x, x.s.threads[t].msr_pasid, v & kMsrPasidMask)) {
      ++k;
    } else {
      next_.erase(next_.begin() + static_cast<std::ptrdiff_t>(k));
    }
  }
  return next_.size() > before;
}

bool Replayer::name_pasid(Hyp& x, int p, std::int64_t value) {
  Names& n = x.n;
  if (value < 1 || value > kPasidMax) x.broken_now |= range_invariant_;  // the kernel's own value
  if (n.pasid[p] == value) return true;
  if (n.pasid[p] != 0) {
    fail("the kernel's PASID " + std::to_string(value) + " is the model's PASID " +
         std::to_string(p) + ", which earlier lines called " + std::to_string(n.pasid[p]));
    return false;
  }
  for (int q = 1; q <= pb_.bounds.pasids; ++q) {
    if (q == p || n.pasid[q] != value) continue;
    if (!pasid_free(x.s, pb_.bounds, static_cast<Concrete::Int>(q))) {
      fail("the kernel hands out PASID " + std::to_string(value) +
           " while the model still has it allocated (as PASID " + std::to_string(q) + ")");
      return false;
    }
    n.pasid[q] = 0;
  }
  n.pasid[p] = value;
  return true;
}

}  // namespace pasid::replay
