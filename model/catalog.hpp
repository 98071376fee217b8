#pragma once
// The kernel designs a spec can name: variants (a kernel as released) and mutants
// (a planted deviation, design doc section 5), each a change to the Design flags.

#include <span>
#include <string>
#include <string_view>

#include "design.hpp"

namespace pasid {

struct DesignChange {
  const char* name;
  const char* summary;
  void (*apply)(Design&);
};

/// The variants: "v5.18" (the default), "v5.18-merge" and "v6.x".
std::span<const DesignChange> variants();

/// The mutants, each applied on top of a variant.
std::span<const DesignChange> mutants();

/// The entry called `name` in `list`, or nullptr.
const DesignChange* find_change(std::span<const DesignChange> list, std::string_view name);

/// Whether applying `c` to `z` changes it: a mutant of a mechanism the design lacks (LAM
/// before 6.4) or that it has already (v5.10 frees at the last unbind) changes nothing.
bool changes(const DesignChange& c, const Design& z);
/// What to say of mutant `m` when it changes nothing in `variant` (plus mutants before it).
std::string changes_nothing(std::string_view m, std::string_view variant, bool after_mutants);

}  // namespace pasid
