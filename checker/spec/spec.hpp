#pragma once
// Spec files: the design to check, its bounds, the invariants, and what the spec expects.
//
//   {
//     "description": "5.18 at the default bounds",
//     "variant": "v5.18",                 // pasidcheck list: variants
//     "mutants": ["fork-copies-msr"],     // optional
//     "bounds": {"processes": 2, "threads": 3, "mms": 2, "devices": 1, "pasids": 2,
//                "files": 2},             // files optional: devices * processes, at most 8
//     "invariants": "all",                // or a list of names and written ones
//                                         // (written.hpp)
//     "expect": {"verdict": "violated", "invariant": "fresh_child", "length": 4}
//   }

#include <optional>
#include <string>
#include <vector>

#include "checker/engine.hpp"

namespace pasid {

struct Expectation {
  Verdict verdict = Verdict::holds;
  std::string invariant;  ///< for violated
  int length = -1;        ///< counterexample length, -1 when not given
};

struct Spec {
  std::string file;
  std::string description;
  std::string variant = "v5.18";
  std::vector<std::string> mutants;
  Problem problem;
  std::optional<Expectation> expect;
};

struct Json;  // json.hpp

/// The "bounds" object `obj` of the JSON file `file` (a spec, or a result `show` reads):
/// each bound a whole number from 1 to the model's limit; "files" optional (devices *
/// processes, at most kMaxFiles).  Throws InputError at the value that is wrong.
Bounds read_bounds(const Json& obj, const std::string& file);

/// Parses spec text; throws InputError with the file, line and column of the problem.
Spec parse_spec(std::string_view text, const std::string& file);

/// Reads and parses the spec at `path`.
Spec read_spec(const std::string& path);

}  // namespace pasid

namespace pasid {

/// Empty when the result meets the spec's expectation; otherwise what differs.
std::string expectation_mismatch(const Expectation& want, const Problem& pb, const Result& got);

}  // namespace pasid
