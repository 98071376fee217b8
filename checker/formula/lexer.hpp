#pragma once
// Tokens of the formula language (model/expr/formula.hpp).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pasid::formula {

enum class Tok {
  ident,
  number,
  lparen,
  rparen,
  dot,
  comma,
  colon,
  bang,
  and_,
  or_,
  implies,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  plus,
  minus,
  end,
};

struct Token {
  Tok kind;
  std::string text;
  std::size_t offset;   ///< where it starts in the formula
  long long value = 0;  ///< number
};

/// What went wrong at `offset` in the formula (the caller turns it into an InputError).
struct SyntaxError {
  std::size_t offset;
  std::string message;
};

/// The tokens of `text`, ending with Tok::end; throws SyntaxError.  The words `and`, `or`,
/// `not` and `implies` are the operators &&, ||, ! and ==>.
std::vector<Token> tokenize(std::string_view text);

/// How a token kind is written, for messages.
std::string_view spelling(Tok t);

}  // namespace pasid::formula
