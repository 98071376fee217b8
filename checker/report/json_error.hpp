#pragma once
// Why nlohmann::json refused a text, for the two readers that use it (a saved result, a
// JSON-lines trace): the byte it stopped at and what to say.  It throws parse_error for
// bad syntax, and out_of_range (406) for a number past a double's range, which carries no
// place: the number is looked for in the text.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace pasid {

struct JsonError {
  std::size_t at = std::string_view::npos;  ///< byte offset in the text; npos: none known
  std::string message;                      ///< "not JSON: ..."
};

/// Why `text`, which a parse without exceptions discarded, is not JSON: parsed again with them.
inline JsonError json_error(std::string_view text) {
  try {
    nlohmann::json parsed = nlohmann::json::parse(text);  // throws, as it did not before
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    return {e.byte == 0 ? 0 : e.byte - 1, "not JSON: " + what.substr(what.rfind(": ") + 2)};
  } catch (const nlohmann::json::out_of_range& e) {
    std::string what = e.what();
    std::size_t quote = what.find('\'');
    std::string number = quote == std::string::npos ? "" : what.substr(quote + 1);
    if (!number.empty()) number.pop_back();  // the closing quote
    std::size_t at = number.empty() ? std::string_view::npos : text.find(number);
    if (number.size() > 24) number = number.substr(0, 24) + "...";
    return {at, "not JSON: the number " + number + " is out of range"};
  }
  return {std::string_view::npos, "not JSON"};
}

}  // namespace pasid
