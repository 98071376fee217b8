#include "rules.hpp"

#include <array>

namespace pasid {

const RuleInfo& rule_info(int rule) {
  static const auto table = []<int... I>(std::integer_sequence<int, I...>) {
    return std::array<RuleInfo, kRuleCount>{std::tuple_element_t<I, AllRules>::info...};
  }
  (std::make_integer_sequence<int, kRuleCount>{});
  return table[static_cast<unsigned>(rule)];
}

}  // namespace pasid
