#include "agreement.hpp"

namespace pasid {

namespace {

std::string describe(const Result& r) {
  std::string out = r.engine + " says " + verdict_name(r.verdict);
  if (r.counterexample) out += " at length " + std::to_string(r.counterexample->steps.size());
  if (r.verdict == Verdict::unknown) out += " (" + r.reason + ")";
  return out;
}

bool definite(const Result& r) {
  return r.verdict != Verdict::unknown;
}

std::string pair_disagreement(const Result& a, const Result& b) {
  if (definite(a) && definite(b) && a.verdict != b.verdict)
    return describe(a) + ", but " + describe(b);
  bool shortest_a = a.engine == "explicit", shortest_b = b.engine == "bmc";
  if (!shortest_a || !shortest_b || !a.counterexample) return "";
  auto length = static_cast<int>(a.counterexample->steps.size());
  if (b.counterexample && static_cast<int>(b.counterexample->steps.size()) != length)
    return describe(a) + ", but " + describe(b);
  if (!b.counterexample && b.stats.depth >= length) return describe(a) + ", but " + describe(b);
  return "";
}

}  // namespace

std::string disagreement(const std::vector<Result>& results) {
  for (const auto& a : results)
    for (const auto& b : results) {
      if (&a == &b) continue;
      std::string why = pair_disagreement(a, b);
      if (!why.empty()) return why;
    }
  return "";
}

}  // namespace pasid
