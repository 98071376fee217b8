#include "cti.hpp"

#include <map>

#include "text.hpp"

namespace pasid {

namespace {

/// The value each field has in the initial state, by name (the allocator's values, which
/// only the solver's states have, start at 0).
std::map<std::string, int> initial_values(const Bounds& b) {
  std::map<std::string, int> values;
  State<Concrete> s = initial_state<Concrete>();
  visit_fields(
      b, [&](const FieldId& id, const auto& v) { values[field_name(id)] = static_cast<int>(v); },
      s);
  return values;
}

std::string line(const FieldId& id, const std::string& values) {
  return "       " + field_name(id) + ": " + values + "\n";
}

}  // namespace

std::string format_cti(const Problem& pb, const InductionCti& cti) {
  const auto start = initial_values(pb.bounds);
  std::string out = "counterexample to induction: " + std::to_string(cti.steps.size()) + " step" +
                    (cti.steps.size() == 1 ? "" : "s") +
                    " from a state that keeps every invariant, perhaps unreachable\n";
  out += "  state 0 (the fields not as they start):\n";
  for (const auto& [id, v] : cti.states.front()) {
    auto at = start.find(field_name(id));
    if (v != (at == start.end() ? 0 : at->second)) out += line(id, field_value(id, v));
  }
  for (std::size_t i = 0; i < cti.steps.size(); ++i) {
    out += "  " + std::to_string(i + 1) + ". " + cti.steps[i] + "\n";
    const auto &before = cti.states[i], &after = cti.states[i + 1];
    for (std::size_t f = 0; f < after.size(); ++f)
      if (before[f].second != after[f].second)
        out += line(after[f].first, field_value(after[f].first, before[f].second) + " -> " +
                                        field_value(after[f].first, after[f].second));
  }
  for (int b : cti.broken) {
    const Property& p = pb.invariants[static_cast<unsigned>(b)];
    out += "  broken: " + p.name + ": " + p.statement + "\n";
  }
  out += cti.replayed ? "  (the explicit model takes the same steps and breaks the same)\n"
                      : "  (not replayed in the explicit model: a PASID value names no allocator "
                        "entry, or a field is out of its range)\n";
  return out;
}

}  // namespace pasid
