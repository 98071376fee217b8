#include "lexer.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace pasid::formula {

namespace {

// Longest first, so that "==>" is not read as "==" ">".
constexpr std::array<std::pair<std::string_view, Tok>, 19> kSymbols = {{
    {"==>", Tok::implies}, {"=>", Tok::implies}, {"&&", Tok::and_}, {"||", Tok::or_},
    {"==", Tok::eq},       {"!=", Tok::ne},      {"<=", Tok::le},   {">=", Tok::ge},
    {"(", Tok::lparen},    {")", Tok::rparen},   {".", Tok::dot},   {",", Tok::comma},
    {":", Tok::colon},     {"!", Tok::bang},     {"<", Tok::lt},    {">", Tok::gt},
    {"+", Tok::plus},      {"-", Tok::minus},    {"", Tok::end},
}};

constexpr std::array<std::pair<std::string_view, Tok>, 4> kWords = {
    {{"and", Tok::and_}, {"or", Tok::or_}, {"not", Tok::bang}, {"implies", Tok::implies}}};

bool ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

Token number(std::string_view text, std::size_t& i) {
  std::size_t start = i;
  long long v = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    v = v * 10 + (text[i] - '0');
    if (v > (1LL << 30)) throw SyntaxError{start, "number too large (the limit is 2^30)"};
    ++i;
  }
  if (i < text.size() && ident_char(text[i]))
    throw SyntaxError{i, "a number runs into a name: put a space or an operator between them"};
  return {Tok::number, std::string(text.substr(start, i - start)), start, v};
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i == text.size()) break;
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      out.push_back(number(text, i));
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t start = i;
      while (i < text.size() && ident_char(text[i])) ++i;
      std::string word(text.substr(start, i - start));
      Tok kind = Tok::ident;
      for (const auto& [w, t] : kWords)
        if (word == w) kind = t;
      out.push_back({kind, word, start});
      continue;
    }
    bool found = false;
    for (const auto& [sym, t] : kSymbols)
      if (!sym.empty() && text.substr(i, sym.size()) == sym) {
        out.push_back({t, std::string(sym), i});
        i += sym.size();
        found = true;
        break;
      }
    if (!found)
      throw SyntaxError{i, std::isprint(static_cast<unsigned char>(c))
                               ? "unexpected character '" + std::string(1, c) + "'"
                               : "unexpected byte in a formula"};
  }
  out.push_back({Tok::end, "", text.size()});
  return out;
}

std::string_view spelling(Tok t) {
  if (t == Tok::ident) return "a name";
  if (t == Tok::number) return "a number";
  if (t == Tok::end) return "the end of the formula";
  for (const auto& [sym, k] : kSymbols)
    if (k == t) return sym;
  return "?";
}

}  // namespace pasid::formula
