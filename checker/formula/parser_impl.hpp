#pragma once
// The parser's class, shared by parser.cpp (connectives) and terms.cpp (comparisons,
// arithmetic, fields, quantifiers).  Internal to checker/formula.

#include <string>
#include <utility>
#include <vector>

#include "parser.hpp"

namespace pasid::formula::detail {

/// A checked subformula, where it starts, and whether it is a PASID value (mm.pasid, a
/// `pasid` variable ...): arithmetic on those makes a formula tell PASIDs apart.
struct Typed {
  expr::Node node;
  std::size_t at;
  bool pasid = false;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : toks_(tokenize(text)) {}

  expr::Formula run();

 private:
  std::vector<Token> toks_;
  std::size_t pos_ = 0;
  expr::Formula out_;
  std::vector<std::pair<std::string, Typed>> scope_;  // bound variables, innermost last
  int depth_ = 0;                                     // nesting, bounded: no stack overflow

  /// Counts one level of nesting while it lives; refuses formulas nested too deeply.
  struct Nested {
    Parser& p;
    explicit Nested(Parser& parser);
    ~Nested() { --p.depth_; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;
  };

  [[noreturn]] static void fail(std::size_t at, const std::string& msg) {
    throw SyntaxError{at, msg};
  }
  const Token& peek() const { return toks_[pos_]; }
  bool next_is(Tok k, std::string_view text = "") const {
    return peek().kind == k && (text.empty() || peek().text == text);
  }
  Token take() { return toks_[pos_ + 1 < toks_.size() ? pos_++ : pos_]; }
  Token expect(Tok k, std::string_view context);
  static std::string what(const Token& t);
  static void require(const Typed& t, expr::Type want, const std::string& role);
  static Typed make(expr::Op op, expr::Type type, std::size_t at, std::vector<expr::Node> kids);

  // parser.cpp
  Typed formula();
  Typed logical(expr::Op op, Typed a, Typed b);
  Typed disjunction();
  Typed conjunction();
  Typed unary();
  // terms.cpp
  Typed quantified();
  Typed comparison();
  Typed arithmetic(Token op, Typed a, Typed b);
  Typed sum();
  Typed negation();
  Typed postfix();
  Typed primary();
  Typed word(const Token& name);
  Typed field(Typed object);
};

}  // namespace pasid::formula::detail
