#pragma once
// The model's state (design doc section 1), over a value domain D.
//
// Objects live in fixed slots; a slot is free when the object is dead, and its fields
// are then all zero (or kNone), so equal situations are equal states.  What can be
// derived is not stored: a process is alive while one of its threads is, a file is open
// while an fd or a portal VMA refers to it, an mm is alive while mm_count > 0.

#include <array>

#include "bounds.hpp"
#include "domain.hpp"

namespace pasid {

/// A slot index that refers to nothing (a dead process's mm, a free PASID's owner).
inline constexpr int kNone = -1;
/// The "no PASID" value of mm.pasid and of a bond.
inline constexpr int kNoPasid = 0;

/// A task.  Its IA32_PASID MSR lives in its xstate: {valid bit, 20-bit value}.
template <class D>
struct Thread {
  typename D::Bool alive;
  typename D::Int proc;  ///< thread group (process slot)
  typename D::Bool msr_valid;
  typename D::Int msr_pasid;
  typename D::Bool activated;  ///< task_struct::pasid_activated
  // Design A only (Design::pasid_by_ipi); always 0 in the other designs.
  typename D::Bool ipi;     ///< an update_pasid() IPI is on its way to the task
  typename D::Bool waits;   ///< in load_pasid(), waiting for its IPIs (on_each_cpu_mask, wait=1)
  typename D::Bool fpregs;  ///< inside fpregs_lock() with its registers saved to memory
  typename D::Int xsave;    ///< while fpregs: the saved PASID state (kNoPasid: not valid)
  bool operator==(const Thread&) const = default;
};

/// A thread group.  Its threads share `mm`; fd[f] says it holds an fd for file f.
template <class D>
struct Process {
  typename D::Int mm;
  std::array<typename D::Bool, kMaxFiles> fd;
  bool operator==(const Process&) const = default;
};

/// An mm_struct.  portal[f]: a VMA mapping the device portal of file f.
template <class D>
struct Mm {
  typename D::Int users;  ///< mm_users
  typename D::Int count;  ///< mm_count: one for all users, one per bond
  typename D::Int pasid;  ///< kNoPasid or 1..pasids
  /// The references binds hold on mm.pasid where a design frees it at the last unbind
  /// (ioasid_get() per bind, a put per unbind, the free at 0); always 0 in the others.
  typename D::Int refs;
  typename D::Bool lam;  ///< linear address masking on (ARCH_ENABLE_TAGGED_ADDR, 6.4 on)
  std::array<typename D::Bool, kMaxFiles> portal;
  bool operator==(const Mm&) const = default;
};

/// An open struct file of an SVA device; it binds `mm` (the opener's) at open.
template <class D>
struct File {
  typename D::Int dev;
  typename D::Int mm;
  bool operator==(const File&) const = default;
};

/// The bond of one device to one mm: iommu_sva handle users, the PASID it recorded,
/// and whether the device's PASID table has the entry pasid -> mm.
template <class D>
struct Bond {
  typename D::Int users;
  typename D::Int pasid;
  typename D::Bool entry;
  bool operator==(const Bond&) const = default;
};

/// The PASID allocator: a table of `pasids` entries, each holding one allocated PASID and
/// its owner mm (kNone: the entry is free).  Concretely entry k always holds PASID k+1, so
/// owner[p-1] is the owner of p and `value` is not part of the state.  Symbolically
/// value[k] is a 20-bit PASID, any value not in use when it was allocated: the SMT
/// engines cover the real range with at most `pasids` PASIDs allocated at once.
template <class D>
struct PasidAllocator {
  std::array<typename D::Int, kMaxPasids> owner;
  std::array<typename D::Int, kMaxPasids> value;  ///< symbolic domains only; 0 when free
  bool operator==(const PasidAllocator&) const = default;
};

template <class D>
struct State {
  using Domain = D;
  std::array<Thread<D>, kMaxThreads> threads;
  std::array<Process<D>, kMaxProcesses> procs;
  std::array<Mm<D>, kMaxMms> mms;
  std::array<File<D>, kMaxFiles> files;
  std::array<std::array<Bond<D>, kMaxMms>, kMaxDevices> bonds;  ///< bonds[dev][mm]
  PasidAllocator<D> alloc;
  /// Concrete states only (Z3 terms have no bool equality).
  bool operator==(const State&) const = default;
};

/// The initial state: init (thread 0, process 0) running on mm 0, no PASID, no device open.
template <class D>
State<D> initial_state() {
  State<D> s{};
  auto no = D::truth(false);
  auto zero = D::num(0);
  auto none = D::num(kNone);
  for (auto& t : s.threads) t = {no, none, no, zero, no, no, no, no, zero};
  for (auto& p : s.procs) {
    p.mm = none;
    p.fd.fill(no);
  }
  for (auto& m : s.mms) {
    m = {zero, zero, zero, zero, no, {}};
    m.portal.fill(no);
  }
  for (auto& f : s.files) f = {none, none};
  for (auto& row : s.bonds) row.fill({zero, zero, no});
  s.alloc.owner.fill(none);
  s.alloc.value.fill(zero);
  s.threads[0] = {D::truth(true), D::num(0), no, zero, no, no, no, no, zero};
  s.procs[0].mm = D::num(0);
  s.mms[0].users = D::num(1);
  s.mms[0].count = D::num(1);
  return s;
}

}  // namespace pasid
