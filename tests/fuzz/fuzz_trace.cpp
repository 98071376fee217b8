// libFuzzer target: any bytes given as a trace (ftrace text or JSON lines) to the reader and
// the replayer, against a design that frees PASIDs early so that violations are reachable,
// give a verdict or an InputError, never a crash, a hang or another exception.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "checker/error.hpp"
#include "checker/replay/run.hpp"
#include "model/catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pasid;
  static const Problem pb = [] {
    Design z;
    find_change(variants(), "v5.18-merge")->apply(z);
    return replay::replay_problem(z);
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const replay::Mapping& mapping = replay::builtin_mappings().front();
  try {
    replay::Replayer r(pb, {0, mapping.unobserved, false, "fuzz.trace"});
    replay::read_trace_text(text, "fuzz.trace", mapping,
                            [&](const replay::TraceEvent& e) { return r.feed(e); });
    replay::ReplayResult result = r.finish();
    if (result.verdict != replay::ReplayVerdict::conforms && result.line <= 0) __builtin_trap();
  } catch (const InputError& e) {
    if (e.line() < 0 || e.col() < 0) __builtin_trap();
  }
  return 0;
}
