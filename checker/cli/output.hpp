#pragma once
// What every subcommand writes: its exit status, files, and pictures of counterexamples.

#include <string>

#include "checker/engine.hpp"

namespace pasid::cli {

/// Exit statuses: 0 holds (or an expectation met), 1 violated (or an expectation not
/// met), 2 bad input, 3 unknown, 4 internal error, 5 a replayed trace diverges.
enum Exit { kHolds = 0, kViolated = 1, kBadInput = 2, kUnknown = 3, kInternal = 4, kDiverges = 5 };

/// Where to write pictures of a counterexample.
struct PictureOptions {
  std::string dot, svg, png;
};

void write_file(const std::string& path, const std::string& text);

/// Throws the InputError write_file() would, up front, where it can tell: `path`'s folder
/// is missing or not writable, the file is read-only, or `path` is a folder.  So that a long
/// search does not end in a file it cannot write.  An empty path (not asked for) passes.
void require_writable(const std::string& path);
void require_writable(const PictureOptions& o);

/// --dot, --svg, --png: the DOT text as asked for.
void write_pictures(const PictureOptions& o, const std::string& dot);

/// The counterexample as a picture.
void write_pictures(const PictureOptions& o, const Problem& pb, const Counterexample& cex);

}  // namespace pasid::cli
