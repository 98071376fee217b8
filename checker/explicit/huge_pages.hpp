#pragma once
// An allocator for the search's big arrays (the state arena, the table's slots, the
// bitstate bits): blocks of 2 MiB and more are asked to be backed by transparent huge
// pages.  A large table is looked up at random, and with 4 KiB pages nearly every lookup
// also misses the TLB, which drops the search's prefetch hints.  Only a hint to the
// kernel: where huge pages are off it is plain memory.

#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace pasid {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHuge = std::size_t{2} << 20;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    std::size_t bytes = n * sizeof(T);
    if (bytes < kHuge) return static_cast<T*>(::operator new(bytes));
    void* p = nullptr;
    if (posix_memalign(&p, kHuge, bytes) != 0) throw std::bad_alloc();
    madvise(p, bytes, MADV_HUGEPAGE);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHuge) return ::operator delete(p);
    free(p);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

}  // namespace pasid
