#pragma once
// The kernel designs a spec can name: variants (a kernel as released) and mutants
// (a planted deviation, design doc section 5), each a change to the Design flags.

#include <span>
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

}  // namespace pasid
