#pragma once
// What a step did that the state after it no longer shows: a submission, an unbind,
// a PASID leaving the allocator, a task being created.  Step invariants read these.

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "state.hpp"

namespace pasid {

enum class Seen : std::uint8_t {
  submit,      ///< ENQCMD delivered a descriptor tagged with `pasid` to `dev`
  unbind,      ///< the driver unbound (`dev`, `mm`), looking the bond up by `pasid`
  pasid_free,  ///< `pasid` of `mm` left the allocator at `site` (a FreeSite)
  child,       ///< `thread` was created; `site` is a ChildKind
  sigsegv,     ///< `thread` got SIGSEGV from an ENQCMD #GP
  fixup,       ///< the #GP fixup loaded the MSR of `thread`
  mm_read,     ///< the kernel read `mm`'s SVA data (iommu_mm); `seen` is mm_count then
};

inline constexpr int kSeenKinds = 7;

enum class ChildKind : std::uint8_t { thread, vm, fork };

/// One observation.  `seen` is a value read at that moment: the owner of `pasid`
/// (submit, unbind), the number of live bonds of `mm` (pasid_free), the thread's
/// pasid_activated before the fixup (fixup), whether `mm` maps a portal (sigsegv), or
/// `mm`'s mm_count (mm_read).
template <class D>
struct Observation {
  typename D::Bool when;  ///< always true for concrete values; the path condition otherwise
  Seen kind;
  int site;
  typename D::Int thread, dev, mm, pasid, seen;
};

/// A step's observations, in order, and which kinds occur among them: an invariant that
/// reads one kind skips a log without it (most steps observe nothing), in every domain.
template <class D>
class Log {
 public:
  Log() = default;
  Log(std::initializer_list<Observation<D>> os) {
    for (const auto& o : os) push_back(o);
  }
  void push_back(const Observation<D>& o) {
    entries_.push_back(o);
    kinds_ |= 1u << static_cast<unsigned>(o.kind);
  }
  void clear() {
    entries_.clear();
    kinds_ = 0;
  }
  /// Whether an observation of `kind` was recorded (under whatever path condition).
  bool has(Seen kind) const { return (kinds_ >> static_cast<unsigned>(kind)) & 1; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const Observation<D>& operator[](std::size_t i) const { return entries_[i]; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

 private:
  std::vector<Observation<D>> entries_;
  unsigned kinds_ = 0;
};

}  // namespace pasid
