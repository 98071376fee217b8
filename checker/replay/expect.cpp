#include "expect.hpp"

#include <algorithm>
#include <fstream>

#include "checker/error.hpp"
#include "model/catalog.hpp"
#include "model/invariants.hpp"

namespace pasid::replay {

namespace {

/// A name a key lists must be known (a variant, mutants, invariants) and not among the
/// names the key listed before.
void check_name(const std::string& path, int number, int col, const std::string& key,
                const std::string& name, const std::vector<std::string>& before) {
  bool known = key == "variant"   ? find_change(variants(), name) != nullptr
               : key == "mutants" ? find_change(mutants(), name) != nullptr
                                  : find_invariant(name) >= 0;
  std::string what = key == "variant" ? key : key.substr(0, key.size() - 1);
  if (!known) throw InputError(path, number, col, "unknown " + what + " \"" + name + "\"");
  if (std::find(before.begin(), before.end(), name) != before.end())
    throw InputError(path, number, col, what + " \"" + name + "\" is listed twice");
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
      check_name(path, number, col, key, value, {});
      t.variant = value;
    } else if (key == "mapping") {
      t.mapping = value;
    } else if (key == "mutants" || key == "invariants") {
      auto& list = key == "mutants" ? t.mutants : t.invariants;
      for (std::size_t at = 0; (at = value.find_first_not_of(" \t", at)) != std::string::npos;) {
        std::size_t end = std::min(value.find_first_of(" \t", at), value.size());
        std::string w = value.substr(at, end - at);
        check_name(path, number, col + static_cast<int>(at), key, w, list);
        list.push_back(w);
        at = end;
      }
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

std::optional<TraceExpectation> read_trace_expectation(const std::string& path,
                                                       const std::string& read_from) {
  if (auto t = read_keys(path + ".expect", "")) return t;
  return read_keys(read_from.empty() ? path : read_from, "# ");
}

}  // namespace pasid::replay
