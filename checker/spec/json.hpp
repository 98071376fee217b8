#pragma once
// A small JSON reader that remembers where every value and key is, so that a spec's
// semantic errors ("unknown field", "bounds too large") can name the line and column.
// nlohmann::json, which writes our JSON output, keeps no positions for its values.

#include <string>
#include <string_view>
#include <vector>

namespace pasid {

struct Json {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  int line = 0;
  int col = 0;
  bool boolean = false;
  bool is_integer = false;  ///< a number written without fraction or exponent that fits
  long long integer = 0;
  std::string string;
  std::vector<Json> items;  ///< array elements
  struct Member;
  std::vector<Member> members;  ///< object members, in file order

  /// The member called `key`, or nullptr.
  const Json* find(std::string_view key) const;
};

/// An object member: its key, where the key is, and its value.
struct Json::Member {
  std::string key;
  int line;
  int col;
  Json value;
};

/// "object", "string", ... for messages.
const char* kind_name(Json::Kind k);

/// Parses `text`; throws InputError naming `file`, line and column on a syntax error.
Json parse_json(std::string_view text, const std::string& file);

}  // namespace pasid
