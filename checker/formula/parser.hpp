#pragma once
// The formula language's parser and type checker: text in, a typed expr::Formula out.
//
//   formula  := ("forall" | "exists") binder ("," binder)* "." formula | implies
//   binder   := name ":" sort
//   implies  := or (("==>" | "=>" | "implies") formula)?
//   or       := and (("||" | "or") and)*
//   and      := unary (("&&" | "and") unary)*
//   unary    := ("!" | "not") unary | quantified formula | compare
//   compare  := sum (("==" | "!=" | "<" | "<=" | ">" | ">=") sum)?
//   sum      := negate (("+" | "-") negate)*
//   negate   := "-" negate | postfix
//   postfix  := primary ("." name ("(" formula ")")?)*
//   primary  := number | "true" | "false" | "none" | "alloc" | "PASID_MAX" | name
//             | "prev" "(" formula ")" | "(" formula ")"

#include <string_view>

#include "lexer.hpp"
#include "model/expr/formula.hpp"

namespace pasid::formula {

/// Parses and type-checks `text` as a bool formula; throws SyntaxError at the offending
/// offset: a syntax error, an unknown field or sort, a type mismatch, an unbound variable.
expr::Formula parse_formula(std::string_view text);

}  // namespace pasid::formula
