#pragma once
// `pasidcheck replay`, and `check --ftrace`, which writes what replay reads.

#include <cstdint>
#include <string>
#include <vector>

#include "checker/spec/spec.hpp"
#include "output.hpp"

namespace pasid::cli {

struct ReplayCliOptions {
  std::string trace;
  std::string variant;
  std::vector<std::string> mutants;
  std::vector<std::string> invariants;
  std::string mapping;
  std::int64_t pid = 0;
  unsigned threads = 0;  ///< 0: one per core, at most 4
  std::string json;
  bool expect = false;
  bool quiet = false;
  PictureOptions pictures;
};

/// Runs it; returns the exit status.
int run_replay(const ReplayCliOptions& o);

/// The counterexample as the kernel would trace it, in the layout of mapping `layout`
/// (linux-5.18 or linux-6.16; empty: the spec's variant's kernels'), headed by the
/// expectation that replaying it breaks the same invariant at the last step's line.
std::string counterexample_ftrace(const Spec& spec, const Counterexample& cex,
                                  const std::string& layout = "");

}  // namespace pasid::cli
