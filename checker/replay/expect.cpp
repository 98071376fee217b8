#include "expect.hpp"

#include <fstream>
#include <sstream>

#include "checker/error.hpp"
#include "model/catalog.hpp"
#include "model/invariants.hpp"

namespace pasid::replay {

namespace {

/// The names a key lists must be known: a variant, mutants, invariants.
void check_names(const std::string& path, int number, int col, const std::string& key,
                 const std::vector<std::string>& names) {
  for (const auto& name : names) {
    bool known = key == "variant"   ? find_change(variants(), name) != nullptr
                 : key == "mutants" ? find_change(mutants(), name) != nullptr
                                    : find_invariant(name) >= 0;
    if (!known)
      throw InputError(path, number, col,
                       "unknown " + (key == "variant" ? key : key.substr(0, key.size() - 1)) +
                           " \"" + name + "\"");
  }
}

/// "key: value" lines; `prefix` ("# " in a trace) is stripped first.  Reads only the
/// leading lines that carry the prefix.
std::optional<TraceExpectation> read_keys(const std::string& path, const std::string& prefix) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  TraceExpectation t;
  t.file = path;
  std::string line;
  for (int number = 1; std::getline(in, line) && number <= 64; ++number) {
    if (!line.starts_with(prefix)) break;
    std::string body = line.substr(prefix.size());
    std::size_t colon = body.find(": ");
    if (colon == std::string::npos) continue;
    std::string key = body.substr(0, colon), value = body.substr(colon + 2);
    while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
    int col = static_cast<int>(prefix.size() + colon + 3);
    if (key == "expect") {
      t.expect = value;
    } else if (key == "variant") {
      check_names(path, number, col, key, {value});
      t.variant = value;
    } else if (key == "mapping") {
      t.mapping = value;
    } else if (key == "mutants" || key == "invariants") {
      std::istringstream words(value);
      auto& list = key == "mutants" ? t.mutants : t.invariants;
      for (std::string w; words >> w;) list.push_back(w);
      check_names(path, number, col, key, list);
    } else if (prefix.empty()) {
      throw InputError(
          path, number, 1,
          "unknown key \"" + key + "\" (expect, variant, mutants, invariants, mapping)");
    }
  }
  if (t.expect.empty()) return std::nullopt;
  return t;
}

}  // namespace

std::optional<TraceExpectation> read_trace_expectation(const std::string& path) {
  if (auto t = read_keys(path + ".expect", "")) return t;
  return read_keys(path, "# ");
}

}  // namespace pasid::replay
