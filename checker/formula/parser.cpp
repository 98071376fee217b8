#include "parser.hpp"

#include "parser_impl.hpp"

namespace pasid::formula {

namespace detail {

using expr::Op;
using expr::Type;

/// Deeper and longer than any formula a person writes; far from the stack's limit.
constexpr int kMaxNesting = 200;
constexpr std::size_t kMaxTokens = 4000;

expr::Formula Parser::run() {
  // Operator chains nest to the left as they are read: a bound on the tokens bounds the
  // recursion of everything that walks the tree.
  if (toks_.size() > kMaxTokens)
    fail(toks_[kMaxTokens].offset,
         "the formula is longer than " + std::to_string(kMaxTokens) + " tokens");
  Typed t = formula();
  if (peek().kind != Tok::end)
    fail(peek().offset, "expected an operator or the end of the formula, not " + what(peek()));
  require(t, Type::boolean, "an invariant");
  out_.root = std::move(t.node);
  return std::move(out_);
}

Token Parser::expect(Tok k, std::string_view context) {
  if (peek().kind != k)
    fail(peek().offset, "expected " + std::string(spelling(k)) + " " + std::string(context) +
                            ", not " + what(peek()));
  return take();
}

std::string Parser::what(const Token& t) {
  if (t.kind == Tok::ident || t.kind == Tok::number) return "'" + t.text + "'";
  return std::string(spelling(t.kind));
}

void Parser::require(const Typed& t, Type want, const std::string& role) {
  if (t.node.type != want)
    fail(t.at, "type mismatch: " + role + " must be " + std::string(expr::type_name(want)) +
                   ", not " + std::string(expr::type_name(t.node.type)));
}

Typed Parser::make(Op op, Type type, std::size_t at, std::vector<expr::Node> kids) {
  return {expr::Node{op, type, 0, expr::Field::alive, expr::Sort::thread, std::move(kids)}, at};
}

Parser::Nested::Nested(Parser& parser) : p(parser) {
  if (++p.depth_ > kMaxNesting)
    fail(p.peek().offset,
         "the formula nests deeper than " + std::to_string(kMaxNesting) + " levels");
}

Typed Parser::formula() {
  Nested guard(*this);
  if (next_is(Tok::ident, "forall") || next_is(Tok::ident, "exists")) return quantified();
  Typed left = disjunction();
  if (!next_is(Tok::implies)) return left;
  take();
  return logical(Op::implies, std::move(left), formula());
}

Typed Parser::logical(Op op, Typed a, Typed b) {
  std::string name = op == Op::implies ? "==>" : op == Op::and_ ? "&&" : "||";
  require(a, Type::boolean, "the left side of " + name);
  require(b, Type::boolean, "the right side of " + name);
  return make(op, Type::boolean, a.at, {std::move(a.node), std::move(b.node)});
}

Typed Parser::disjunction() {
  Typed t = conjunction();
  while (next_is(Tok::or_)) {
    take();
    t = logical(Op::or_, std::move(t), conjunction());
  }
  return t;
}

Typed Parser::conjunction() {
  Typed t = unary();
  while (next_is(Tok::and_)) {
    take();
    t = logical(Op::and_, std::move(t), unary());
  }
  return t;
}

Typed Parser::unary() {
  Nested guard(*this);
  if (next_is(Tok::ident, "forall") || next_is(Tok::ident, "exists")) return quantified();
  if (!next_is(Tok::bang)) return comparison();
  std::size_t at = take().offset;
  Typed t = unary();
  require(t, Type::boolean, "the operand of !");
  return make(Op::not_, Type::boolean, at, {std::move(t.node)});
}

}  // namespace detail

expr::Formula parse_formula(std::string_view text) {
  return detail::Parser(text).run();
}

}  // namespace pasid::formula
