#include "written.hpp"

#include <cctype>
#include <utility>
#include <vector>

#include "checker/error.hpp"
#include "checker/formula/parser.hpp"

namespace pasid {

namespace {

using Position = std::pair<int, int>;  // line, column in the spec file

/// A formula's text and, for each of its bytes (and its end), where that byte is in the file.
struct Source {
  std::string text;
  std::vector<Position> at;
};

/// The offset in `text` of line `line`, column `col`.
std::size_t offset_of(std::string_view text, int line, int col) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i)
    if (text[i] == '\n') ++l;
  return i + static_cast<std::size_t>(col - 1);
}

/// Appends the string value `v` (its raw text in the file decoded again, escape by escape)
/// to `src`, recording where each decoded byte came from.
void append_string(const Json& v, std::string_view file_text, Source& src) {
  std::size_t i = offset_of(file_text, v.line, v.col) + 1;  // after the opening quote
  int col = v.col + 1;
  std::size_t decoded = 0;
  while (decoded < v.string.size() && i < file_text.size() && file_text[i] != '"') {
    std::size_t width = 1;
    if (file_text[i] == '\\') width = file_text[i + 1] == 'u' ? 6 : 2;
    // An escape decodes to one byte, or (\u) one to three: they all point at the escape.
    std::size_t bytes = 1;
    if (width == 6) {
      unsigned cp =
          static_cast<unsigned>(std::stoul(std::string(file_text.substr(i + 2, 4)), nullptr, 16));
      bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    }
    for (std::size_t k = 0; k < bytes && decoded < v.string.size(); ++k, ++decoded)
      src.at.push_back({v.line, col});
    i += width;
    col += static_cast<int>(width);
  }
  src.text += v.string;
  while (src.at.size() < src.text.size()) src.at.push_back({v.line, col});
}

class WrittenReader {
 public:
  WrittenReader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Property read(const Json& obj) const {
    check_keys(obj);
    Property p;
    p.name = name(obj);
    Source src = source(*field(obj, "formula"));
    p.formula = parse(src);
    p.source = src.text;
    p.statement = p.source;
    if (const Json* s = obj.find("statement")) p.statement = string(*s, "statement");
    if (const Json* g = obj.find("premise")) {
      Source given = source(*g);
      p.given = parse(given);
      p.premise = "the premise (" + given.text + ")";
    }
    return p;
  }

 private:
  std::string_view text_;
  const std::string& file_;

  [[noreturn]] void fail(const Json& at, const std::string& msg) const {
    throw InputError(file_, at.line, at.col, msg);
  }

  void check_keys(const Json& obj) const {
    for (const auto& m : obj.members)
      if (m.key != "name" && m.key != "formula" && m.key != "statement" && m.key != "premise")
        throw InputError(file_, m.line, m.col,
                         "unknown field \"" + m.key +
                             "\" in a written invariant (expected one of: name, statement, "
                             "formula, premise)");
  }

  const Json* field(const Json& obj, const char* key) const {
    const Json* v = obj.find(key);
    if (!v) fail(obj, std::string("a written invariant needs a \"") + key + "\"");
    return v;
  }

  std::string string(const Json& v, const char* what) const {
    if (v.kind != Json::Kind::string)
      fail(v, std::string("\"") + what + "\" must be a string, not " + kind_name(v.kind));
    return v.string;
  }

  std::string name(const Json& obj) const {
    const Json* v = field(obj, "name");
    std::string n = string(*v, "name");
    bool ok = !n.empty() && n.size() <= 64;
    for (char c : n)
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
    if (!ok) fail(*v, "an invariant's name is 1 to 64 letters, digits, '_' or '-'");
    return n;
  }

  /// A formula: one string, or an array of strings read as its lines.
  Source source(const Json& v) const {
    Source src;
    if (v.kind == Json::Kind::string) {
      append_string(v, text_, src);
    } else if (v.kind == Json::Kind::array && !v.items.empty()) {
      for (const Json& line : v.items) {
        string(line, "formula");
        if (!src.text.empty()) {
          src.text += '\n';
          src.at.push_back(src.at.back());
        }
        append_string(line, text_, src);
      }
    } else {
      fail(v, std::string("a formula must be a string or an array of strings, not ") +
                  (v.kind == Json::Kind::array ? "an empty array" : kind_name(v.kind)));
    }
    src.at.push_back(src.at.empty() ? Position{v.line, v.col} : src.at.back());
    return src;
  }

  std::shared_ptr<const expr::Formula> parse(const Source& src) const {
    try {
      return std::make_shared<const expr::Formula>(formula::parse_formula(src.text));
    } catch (const formula::SyntaxError& e) {
      Position at = src.at[std::min(e.offset, src.at.size() - 1)];
      throw InputError(file_, at.first, at.second, e.message);
    }
  }
};

}  // namespace

Property read_written(const Json& obj, std::string_view text, const std::string& file) {
  return WrittenReader(text, file).read(obj);
}

}  // namespace pasid
