#pragma once
// Rendering DOT with Graphviz's own libraries (gvc, cgraph), in-process.

#include <string>

namespace pasid {

/// Lays out `dot` with the dot engine and renders it as `format` ("svg", "png", ...).
/// Throws std::runtime_error if Graphviz cannot read or render it.
std::string render_dot(const std::string& dot, const std::string& format);

}  // namespace pasid
