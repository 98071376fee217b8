#pragma once
// The checks every reader of our JSON files makes (specs, trace mappings): a value of the
// right kind, no unknown keys, and the file read whole.  Each throws InputError at the
// value's line and column.

#include <initializer_list>
#include <string>
#include <string_view>

#include "json.hpp"

namespace pasid {

[[noreturn]] void fail_at(const std::string& file, const Json& at, const std::string& msg);

/// `what` must be kind k ("\"bounds\" must be object, not array").
void expect_kind(const std::string& file, const Json& v, Json::Kind k, const std::string& what);

/// The string value of v, which must be a string.
const std::string& json_text(const std::string& file, const Json& v, const std::string& what);

/// Every key of obj is one of `known`.
void check_keys(const std::string& file, const Json& obj,
                std::initializer_list<std::string_view> known, const std::string& where);

/// The whole file; `what` names it in the error ("the spec", "the mapping").
std::string read_text_file(const std::string& path, const std::string& what);

}  // namespace pasid
