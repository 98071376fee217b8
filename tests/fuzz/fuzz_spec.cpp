// libFuzzer target: any bytes given to the spec reader give a spec or an InputError,
// never a crash, a hang or another exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "checker/error.hpp"
#include "checker/spec/spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    pasid::Spec spec = pasid::parse_spec(text, "fuzz.json");
    (void)spec;
  } catch (const pasid::InputError& e) {
    if (e.line() < 0 || e.col() < 0) __builtin_trap();
  }
  return 0;
}
