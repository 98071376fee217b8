#include "json.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>

#include "checker/error.hpp"

namespace pasid {

namespace {

constexpr int kMaxDepth = 64;

class Reader {
 public:
  Reader(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  Json document() {
    Json v = value(0);
    skip_space();
    if (pos_ < text_.size()) fail("unexpected " + describe() + " after the JSON value");
    return v;
  }

 private:
  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;

  [[noreturn]] void fail(const std::string& msg) const {
    throw InputError(file_, line_, col_, msg);
  }

  std::string describe() const {
    if (pos_ >= text_.size()) return "end of file";
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x20 || c >= 0x7f) return "byte 0x" + hex(c);
    return std::string("'") + static_cast<char>(c) + "'";
  }
  static std::string hex(unsigned c) {
    const char* digits = "0123456789abcdef";
    return {digits[(c >> 4) & 15], digits[c & 15]};
  }

  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= text_.size(); }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++pos_;
  }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      advance();
  }
  void expect(char c) {
    if (at_end() || peek() != c) fail(std::string("expected '") + c + "', found " + describe());
    advance();
  }

  Json value(int depth) {
    if (depth > kMaxDepth) fail("JSON nested deeper than 64 levels");
    skip_space();
    Json v;
    v.line = line_;
    v.col = col_;
    char c = peek();
    if (at_end()) fail("expected a JSON value, found end of file");
    if (c == '{') return object(std::move(v), depth);
    if (c == '[') return array(std::move(v), depth);
    if (c == '"') {
      v.kind = Json::Kind::string;
      v.string = string();
      return v;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(std::move(v));
    if (word("true") || word("false") || word("null")) {
      v.kind = c == 'n' ? Json::Kind::null : Json::Kind::boolean;
      v.boolean = c == 't';
      return v;
    }
    fail("expected a JSON value, found " + describe());
  }

  bool word(std::string_view w) {
    if (text_.substr(pos_, w.size()) != w) return false;
    for (std::size_t i = 0; i < w.size(); ++i) advance();
    return true;
  }

  Json object(Json v, int depth) {
    v.kind = Json::Kind::object;
    advance();
    skip_space();
    if (peek() == '}') {
      advance();
      return v;
    }
    for (;;) {
      skip_space();
      if (peek() != '"') fail("expected a string key, found " + describe());
      std::pair<int, int> at{line_, col_};
      std::string key = string();
      if (v.find(key))
        throw InputError(file_, at.first, at.second, "duplicate key \"" + key + "\"");
      skip_space();
      expect(':');
      Json item = value(depth + 1);
      v.members.push_back({std::move(key), at.first, at.second, std::move(item)});
      skip_space();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() != '}') fail("expected ',' or '}' after an object member, found " + describe());
      advance();
      return v;
    }
  }

  Json array(Json v, int depth) {
    v.kind = Json::Kind::array;
    advance();
    skip_space();
    if (peek() == ']') {
      advance();
      return v;
    }
    for (;;) {
      v.items.push_back(value(depth + 1));
      skip_space();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() != ']') fail("expected ',' or ']' after an array element, found " + describe());
      advance();
      return v;
    }
  }

  Json number(Json v) {
    v.kind = Json::Kind::number;
    std::size_t start = pos_;
    bool integral = true;
    if (peek() == '-') advance();
    if (!std::isdigit(static_cast<unsigned char>(peek())))
      fail("expected a digit, found " + describe());
    while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
    if (peek() == '.') {
      integral = false;
      advance();
      if (!std::isdigit(static_cast<unsigned char>(peek()))) fail("expected a digit after '.'");
      while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!std::isdigit(static_cast<unsigned char>(peek())))
        fail("expected a digit in the exponent");
      while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
    }
    std::string digits(text_.substr(start, pos_ - start));
    errno = 0;
    long long n = integral ? std::strtoll(digits.c_str(), nullptr, 10) : 0;
    v.is_integer = integral && errno == 0;
    v.integer = n;
    v.string = digits;
    return v;
  }

  std::string string() {
    advance();  // the opening quote
    std::string out;
    for (;;) {
      if (at_end()) fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(peek());
      if (c == '"') {
        advance();
        return out;
      }
      if (c < 0x20) fail("control character in a string");
      if (c == '\\') {
        advance();
        escape(out);
        continue;
      }
      out += static_cast<char>(c);
      advance();
    }
  }

  void escape(std::string& out) {
    char c = peek();
    const std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
    if (auto i = from.find(c); !at_end() && i != std::string_view::npos) {
      out += to[i];
      advance();
      return;
    }
    if (c != 'u') fail("invalid escape in a string");
    advance();
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      char h = peek();
      if (!std::isxdigit(static_cast<unsigned char>(h))) fail("invalid \\u escape in a string");
      code = code * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(h))
                                                   ? h - '0'
                                                   : (std::tolower(h) - 'a' + 10));
      advance();
    }
    utf8(out, code);
  }

  static void utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xc0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3f));
    } else {
      out += static_cast<char>(0xe0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (code & 0x3f));
    }
  }
};

}  // namespace

const Json* Json::find(std::string_view key) const {
  for (const auto& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

const char* kind_name(Json::Kind k) {
  switch (k) {
    case Json::Kind::null:
      return "null";
    case Json::Kind::boolean:
      return "a boolean";
    case Json::Kind::number:
      return "a number";
    case Json::Kind::string:
      return "a string";
    case Json::Kind::array:
      return "an array";
    case Json::Kind::object:
      return "an object";
  }
  return "?";
}

Json parse_json(std::string_view text, const std::string& file) {
  return Reader(text, file).document();
}

}  // namespace pasid
