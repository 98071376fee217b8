// Comparisons, arithmetic, fields, variables and quantifiers of the formula language.

#include <array>

#include "model/bounds.hpp"
#include "parser_impl.hpp"

namespace pasid::formula::detail {

namespace {

using expr::Op;
using expr::Type;

constexpr std::array<std::string_view, 8> kReserved = {"true", "false",     "none",   "alloc",
                                                       "prev", "PASID_MAX", "forall", "exists"};

bool is_object(Type t) {
  return t == Type::thread || t == Type::process || t == Type::mm || t == Type::file ||
         t == Type::device;
}

bool comparable(Type a, Type b) {
  if (a == Type::none) return is_object(b);
  if (b == Type::none) return is_object(a);
  return a == b && (a == Type::boolean || a == Type::number || a == Type::bond || is_object(a));
}

/// A number that could name a PASID value but is not one: anything but the literal 0.
bool plain_number(const Typed& t) {
  return !t.pasid && !(t.node.op == Op::number && t.node.value == 0);
}

bool compare(Tok op, int a, int b) {
  switch (op) {
    case Tok::lt:
      return a < b;
    case Tok::le:
      return a <= b;
    case Tok::gt:
      return a > b;
    default:
      return a >= b;
  }
}

/// Whether `pasid op c` (or `c op pasid`) is the same for every PASID of the explicit
/// engine's pool: then renaming PASIDs cannot change it (a range check like p <= PASID_MAX).
bool same_over_pool(Tok op, int c, bool pasid_left) {
  bool first = pasid_left ? compare(op, 1, c) : compare(op, c, 1);
  for (int v = 2; v <= kMaxPasids; ++v)
    if ((pasid_left ? compare(op, v, c) : compare(op, c, v)) != first) return false;
  return true;
}

Op comparison_op(Tok t) {
  switch (t) {
    case Tok::eq:
      return Op::eq;
    case Tok::ne:
      return Op::ne;
    case Tok::lt:
      return Op::lt;
    case Tok::le:
      return Op::le;
    case Tok::gt:
      return Op::gt;
    default:
      return Op::ge;
  }
}

}  // namespace

Typed Parser::quantified() {
  Token q = take();
  std::vector<std::pair<int, expr::Sort>> bound;
  do {
    Token name = expect(Tok::ident, "naming the quantified variable");
    for (std::string_view r : kReserved)
      if (name.text == r) fail(name.offset, "'" + name.text + "' is a reserved word");
    for (const auto& [n, v] : scope_)
      if (n == name.text) fail(name.offset, "variable '" + name.text + "' is already bound");
    expect(Tok::colon, "after the variable's name");
    Token sort_name = expect(Tok::ident, "naming a sort");
    expr::Sort sort;
    if (!expr::find_sort(sort_name.text, sort))
      fail(sort_name.offset,
           "unknown sort '" + sort_name.text + "' (sorts: " + expr::sort_names() + ")");
    if (sort >= expr::Sort::submit) out_.reads_step = true;
    int index = out_.variables++;
    Typed var = make(Op::var, expr::sort_type(sort), name.offset, {});
    var.node.value = index;
    var.pasid = sort == expr::Sort::pasid;
    scope_.emplace_back(name.text, std::move(var));
    bound.emplace_back(index, sort);
  } while (next_is(Tok::comma) && (take(), true));
  expect(Tok::dot, "after the quantified variables");
  Typed body = formula();
  require(body, Type::boolean, "the body of " + q.text);
  scope_.resize(scope_.size() - bound.size());
  Op op = q.text == "forall" ? Op::forall : Op::exists;
  for (auto it = bound.rbegin(); it != bound.rend(); ++it) {
    Typed t = make(op, Type::boolean, q.offset, {std::move(body.node)});
    t.node.value = it->first;
    t.node.sort = it->second;
    body = std::move(t);
  }
  return body;
}

Typed Parser::comparison() {
  Typed a = sum();
  Tok k = peek().kind;
  if (k != Tok::eq && k != Tok::ne && k != Tok::lt && k != Tok::le && k != Tok::gt && k != Tok::ge)
    return a;
  Token op = take();
  Typed b = sum();
  if (k == Tok::eq || k == Tok::ne) {
    if (!comparable(a.node.type, b.node.type))
      fail(op.offset, "type mismatch: cannot compare " + std::string(expr::type_name(a.node.type)) +
                          " with " + std::string(expr::type_name(b.node.type)));
    if ((a.pasid && plain_number(b)) || (b.pasid && plain_number(a))) out_.names_pasids = true;
  } else {
    require(a, Type::number, "the left side of " + op.text);
    require(b, Type::number, "the right side of " + op.text);
    const Typed& other = a.pasid ? b : a;
    bool range_check = a.pasid != b.pasid && other.node.op == Op::number &&
                       same_over_pool(k, other.node.value, a.pasid);
    if ((a.pasid || b.pasid) && !range_check) out_.names_pasids = true;
  }
  return make(comparison_op(k), Type::boolean, a.at, {std::move(a.node), std::move(b.node)});
}

Typed Parser::arithmetic(Token op, Typed a, Typed b) {
  require(a, Type::number, "the left side of " + op.text);
  require(b, Type::number, "the right side of " + op.text);
  if (a.pasid || b.pasid) out_.names_pasids = true;
  Op o = op.kind == Tok::plus ? Op::add : Op::sub;
  return make(o, Type::number, a.at, {std::move(a.node), std::move(b.node)});
}

Typed Parser::sum() {
  Typed t = negation();
  while (next_is(Tok::plus) || next_is(Tok::minus)) {
    Token op = take();
    t = arithmetic(op, std::move(t), negation());
  }
  return t;
}

Typed Parser::negation() {
  Nested guard(*this);
  if (!next_is(Tok::minus)) return postfix();
  std::size_t at = take().offset;
  Typed t = negation();
  require(t, Type::number, "the operand of unary -");
  if (t.pasid) out_.names_pasids = true;
  return make(Op::neg, Type::number, at, {std::move(t.node)});
}

Typed Parser::postfix() {
  Typed t = primary();
  while (next_is(Tok::dot)) {
    take();
    t = field(std::move(t));
  }
  return t;
}

Typed Parser::field(Typed object) {
  Token name = expect(Tok::ident, "naming a field");
  Type of = object.node.type;
  const expr::FieldInfo* f = expr::find_field(of, name.text);
  std::string type(expr::type_name(of));
  if (!f && expr::field_names(of).empty()) fail(name.offset, "a " + type + " value has no fields");
  if (!f)
    fail(name.offset, "unknown field '" + name.text + "' of " + type +
                          " (fields: " + expr::field_names(of) + ")");
  std::vector<expr::Node> kids{std::move(object.node)};
  if (f->arg != Type::none) {
    expect(Tok::lparen,
           "after '" + name.text + "', which takes " + std::string(expr::type_name(f->arg)));
    Typed arg = formula();
    require(arg, f->arg, "the argument of '" + name.text + "'");
    expect(Tok::rparen, "to close the argument of '" + name.text + "'");
    kids.push_back(std::move(arg.node));
  } else if (next_is(Tok::lparen)) {
    fail(peek().offset, "'" + name.text + "' takes no argument");
  }
  Typed t = make(Op::field, f->result, object.at, std::move(kids));
  t.node.field = f->field;
  t.pasid = f->field == expr::Field::pasid || f->field == expr::Field::saved;
  return t;
}

Typed Parser::primary() {
  const Token& t = peek();
  if (t.kind == Tok::number) {
    Typed n = make(Op::number, Type::number, t.offset, {});
    n.node.value = static_cast<int>(take().value);
    return n;
  }
  if (t.kind == Tok::lparen) {
    take();
    Typed inner = formula();
    expect(Tok::rparen, "to close '('");
    return inner;
  }
  if (t.kind == Tok::ident) return word(take());
  fail(t.offset, "expected a value, not " + what(t));
}

Typed Parser::word(const Token& name) {
  const std::string& w = name.text;
  if (w == "true" || w == "false") {
    Typed t = make(Op::boolean, Type::boolean, name.offset, {});
    t.node.value = w == "true";
    return t;
  }
  if (w == "none") return make(Op::none, Type::none, name.offset, {});
  if (w == "alloc") return make(Op::alloc, Type::allocator, name.offset, {});
  if (w == "PASID_MAX") {
    Typed t = make(Op::number, Type::number, name.offset, {});
    t.node.value = kPasidMax;
    return t;
  }
  if (w == "prev") {
    expect(Tok::lparen, "after 'prev'");
    Typed inner = formula();
    expect(Tok::rparen, "to close 'prev('");
    out_.reads_step = true;
    Typed t = make(Op::prev, inner.node.type, name.offset, {});
    t.pasid = inner.pasid;
    t.node.kids.push_back(std::move(inner.node));
    return t;
  }
  if (w == "forall" || w == "exists")
    fail(name.offset, "put the quantifier in parentheses: it extends as far right as it can");
  for (auto it = scope_.rbegin(); it != scope_.rend(); ++it)
    if (it->first == w) {
      Typed v = it->second;
      v.at = name.offset;
      return v;
    }
  fail(name.offset, "unbound variable '" + w + "'");
}

}  // namespace pasid::formula::detail
