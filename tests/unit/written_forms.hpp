#pragma once
// The built-in invariants as written in specs/written/ (each named after its built-in form
// with "_w" appended), for tests that compare the two.

#include <map>
#include <string>

#include "checker/spec/spec.hpp"

namespace pasid::test {

/// Built-in name -> its written form, read from the specs in specs/written/.
inline std::map<std::string, Property> written_forms() {
  std::map<std::string, Property> out;
  for (const char* file : {"v5.18-default.json", "v5.18-b6-activated-survives-exec.json"}) {
    Spec spec = read_spec(std::string(PASIDCHECK_SOURCE_DIR) + "/specs/written/" + file);
    for (const Property& p : spec.problem.invariants) out[p.name.substr(0, p.name.size() - 2)] = p;
  }
  return out;
}

}  // namespace pasid::test
