#include "invariants.hpp"

#include <array>

namespace pasid {

const InvariantInfo& invariant_info(int inv) {
  static const auto table = []<int... I>(std::integer_sequence<int, I...>) {
    return std::array<InvariantInfo, kInvariantCount>{
        std::tuple_element_t<I, AllInvariants>::info...};
  }
  (std::make_integer_sequence<int, kInvariantCount>{});
  return table[static_cast<unsigned>(inv)];
}

bool invariant_reads_log(int inv) {
  static const auto table = []<int... I>(std::integer_sequence<int, I...>) {
    return std::array<bool, kInvariantCount>{std::tuple_element_t<I, AllInvariants>::kReadsLog...};
  }
  (std::make_integer_sequence<int, kInvariantCount>{});
  return table[static_cast<unsigned>(inv)];
}

int find_invariant(std::string_view name) {
  for (int i = 0; i < kInvariantCount; ++i)
    if (name == invariant_info(i).name) return i;
  return -1;
}

}  // namespace pasid
