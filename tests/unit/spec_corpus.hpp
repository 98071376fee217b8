#pragma once
// The spec corpus for tests that run every spec: the specs of some folders of specs/, but
// the `-large` ones (the same designs and invariants as the `-default` ones, at bounds that
// take a minute a run), in name order.

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <vector>

namespace pasid::test {

/// The specs under each folder of `dirs` ("/specs", "/specs/smt", ...) but the -large ones.
inline std::vector<std::string> small_specs(std::initializer_list<const char*> dirs) {
  std::vector<std::string> out;
  for (const char* dir : dirs)
    for (const auto& e :
         std::filesystem::directory_iterator(PASIDCHECK_SOURCE_DIR + std::string(dir)))
      if (e.path().extension() == ".json" &&
          e.path().stem().string().find("-large") == std::string::npos)
        out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pasid::test
