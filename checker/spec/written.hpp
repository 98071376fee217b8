#pragma once
// Invariants written in a spec file, in the formula language of model/expr/formula.hpp:
//
//   "invariants": ["no_stale_submit",
//                  {"name": "msr_follows_mm",
//                   "statement": "a valid MSR holds the PASID of the thread's mm",
//                   "formula": "forall t: thread. t.msr.valid ==> t.msr.pasid == t.mm.pasid",
//                   "premise": "exists t: thread. t.msr.valid"}]
//
// "formula" (and "premise") may also be an array of strings, read as lines of one formula.

#include <string>
#include <string_view>

#include "json.hpp"
#include "model/property.hpp"

namespace pasid {

/// The written invariant `obj` of the spec `file` whose text is `text`; throws InputError at
/// the line and column of the problem (inside the formula for a formula's errors).
Property read_written(const Json& obj, std::string_view text, const std::string& file);

}  // namespace pasid
