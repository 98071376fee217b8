#pragma once
// The machine-readable report (`--json FILE`): verdict, statistics, counterexample.

#include <nlohmann/json.hpp>

#include "checker/spec/spec.hpp"

namespace pasid {

/// The result of checking `spec` as JSON.
nlohmann::json result_json(const Spec& spec, const Result& r);

}  // namespace pasid
