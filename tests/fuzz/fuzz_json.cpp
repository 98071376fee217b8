// libFuzzer target: any bytes given to the three JSON readers (a spec, a trace mapping, a
// result saved by `check --json` for `show`) give what they read or an InputError, never a
// crash, a hang or another exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "checker/error.hpp"
#include "checker/replay/mapping.hpp"
#include "checker/report/json_read.hpp"
#include "checker/spec/spec.hpp"

namespace {

template <class Read>
void expect_input_error(Read read) {
  try {
    read();
  } catch (const pasid::InputError& e) {
    if (e.line() < 0 || e.col() < 0) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  expect_input_error([&] { (void)pasid::parse_spec(text, "fuzz.json"); });
  expect_input_error([&] { (void)pasid::replay::parse_mapping(text, "fuzz.json"); });
  expect_input_error([&] { (void)pasid::parse_counterexample(text, "fuzz.json"); });
  return 0;
}
