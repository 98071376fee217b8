#pragma once
// What a trace in the corpus is expected to give, and against what.  A synthetic trace
// says it in comment lines at its top; a real recording, which stays as the kernel wrote
// it, in a file beside it named TRACE.expect with the same lines without the "# ":
//
//   # variant: v5.18-merge
//   # mutants: free-at-close
//   # invariants: free_only_at_mm_exit no_use_after_free
//   # expect: violates free_only_at_mm_exit at 24
//
// The expectation is a prefix of the verdict line: "conforms", "conforms: 11 events
// matched", "diverges at 57", "violates fresh_child at 41".

#include <optional>
#include <string>
#include <vector>

namespace pasid::replay {

struct TraceExpectation {
  std::string file;  ///< where it was read (the trace or its .expect)
  std::string expect;
  std::optional<std::string> variant;
  std::vector<std::string> mutants;
  std::vector<std::string> invariants;  ///< empty: all built-in ones
  std::optional<std::string> mapping;
};

/// The expectation of the trace at `path`: `path`.expect, else the trace's own leading "# "
/// lines, read from `read_from` when given (a copy of a piped trace); nothing when it has
/// none.  Throws InputError for an unknown key.
std::optional<TraceExpectation> read_trace_expectation(const std::string& path,
                                                       const std::string& read_from = "");

}  // namespace pasid::replay
