#pragma once
// Why nlohmann::json refused a line of a JSON-lines trace (the one reader that uses it; the
// specs, mappings and saved results go through checker/spec/json.hpp, which keeps every
// value's place): where it stopped and what to say.  It throws parse_error for
// bad syntax, and out_of_range (406) for a number past a double's range, which carries no
// place: the number is looked for in the text.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

namespace pasid {

struct JsonError {
  int line = 0, col = 0;  ///< where in the text, from 1 (0: no place known)
  std::string message;    ///< "not JSON: ..."
};

/// Why `text`, which a parse without exceptions discarded, is not JSON: parsed again with them.
inline JsonError json_error(std::string_view text) {
  auto at = [text](std::size_t byte, std::string message) {
    JsonError e{1, 1, std::move(message)};
    for (std::size_t i = 0; i < std::min(byte, text.size()); ++i, ++e.col)
      if (text[i] == '\n') e.line += 1, e.col = 0;
    return e;
  };
  try {
    nlohmann::json parsed = nlohmann::json::parse(text);  // throws, as it did not before
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    return at(e.byte == 0 ? 0 : e.byte - 1, "not JSON: " + what.substr(what.rfind(": ") + 2));
  } catch (const nlohmann::json::out_of_range& e) {
    std::string what = e.what();
    std::size_t quote = what.find('\'');
    std::string number = quote == std::string::npos ? "" : what.substr(quote + 1);
    if (!number.empty()) number.pop_back();  // the closing quote
    std::size_t found = number.empty() ? std::string_view::npos : text.find(number);
    if (number.size() > 24) number = number.substr(0, 24) + "...";
    std::string message = "not JSON: the number " + number + " is out of range";
    return found == std::string_view::npos ? JsonError{0, 0, message} : at(found, message);
  }
  return {0, 0, "not JSON"};
}

}  // namespace pasid
