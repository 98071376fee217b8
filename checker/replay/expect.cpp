#include "expect.hpp"

#include <fstream>
#include <sstream>

#include "checker/error.hpp"

namespace pasid::replay {

namespace {

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
    if (key == "expect")
      t.expect = value;
    else if (key == "variant")
      t.variant = value;
    else if (key == "mapping")
      t.mapping = value;
    else if (key == "mutants" || key == "invariants") {
      std::istringstream words(value);
      for (std::string w; words >> w;) (key == "mutants" ? t.mutants : t.invariants).push_back(w);
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
