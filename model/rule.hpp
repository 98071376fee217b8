#pragma once
// What every rule has: a name, the kernel function it follows, its parameters, and
// (in the rule's own struct) a guard and an effect over any value domain.

#include <array>
#include <cstdint>

#include "step.hpp"

namespace pasid {

/// A rule parameter.  new_* name the slot the new object takes: always the lowest free.
enum class Param : std::uint8_t {
  thread,
  device,
  file,
  new_thread,
  new_proc,
  new_mm,
  new_file,
  pasid
};

struct RuleInfo {
  const char* name;
  const char* kernel;   ///< the kernel function the rule follows
  const char* summary;  ///< one line for `pasidcheck list`
  std::array<Param, 4> params;
  int param_count;
};

/// The arguments of one rule instance.  Slot indices are always concrete; the PASID a
/// bind allocates is a domain value so that a symbolic engine may leave it free.
template <class D>
struct Args {
  int thread = kNone;
  int device = kNone;
  int file = kNone;
  int new_thread = kNone;
  int new_proc = kNone;
  int new_mm = kNone;
  int new_file = kNone;
  typename D::Int pasid{};
  /// Symbolic domains: the allocator table entry a new PASID takes.  Concretely PASID p
  /// always takes entry p-1, so this stays kNone.
  int pasid_slot = kNone;
};

/// The MSR of a thread that was just created or reset (and, in design A, the update on its
/// way to it, which the reset makes moot).
template <class D>
void clear_msr(Thread<D>& t) {
  t.msr_valid = D::truth(false);
  t.msr_pasid = D::num(kNoPasid);
  t.ipi = D::truth(false);
}

}  // namespace pasid
