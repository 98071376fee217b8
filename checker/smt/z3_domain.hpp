#pragma once
// The symbolic value domain: the model's rules and invariants instantiated over Z3 terms.
// Booleans are Z3 Bool terms, integers Z3 Int terms (linear integer arithmetic: what
// Spacer reasons about best; 21-bit bit-vectors were slower for BMC too).  Terms need a context;
// the engine that builds them installs one with Z3Scope for the duration.

#include <z3++.h>

#include <string>

namespace pasid::smt {

/// The context terms are built in (one per thread, installed by Z3Scope).
z3::context& z3_context();

/// Installs a context for the terms built while it lives.
class Z3Scope {
 public:
  explicit Z3Scope(z3::context& ctx);
  ~Z3Scope();
  Z3Scope(const Z3Scope&) = delete;
  Z3Scope& operator=(const Z3Scope&) = delete;

 private:
  z3::context* previous_;
};

/// A Z3 term with the value semantics the model expects (default-constructible).
///
/// Assignment copies: the move assignment of z3++.h in Z3 4.8.12 (Debian's) overwrites the
/// term without releasing it, so every term assigned over would stay in the context until
/// the context is deleted, which then takes seconds for one step at the default bounds.
/// Code in this folder assigns z3::expr only through Term, or by copy.
class Term {
 public:
  Term() : e_(z3_context().int_val(0)) {}
  Term(z3::expr e) : e_(std::move(e)) {}  // NOLINT: implicit by design
  Term(const Term&) = default;
  Term(Term&&) noexcept = default;
  Term& operator=(const Term& o) {
    e_ = o.e_;
    return *this;
  }
  Term& operator=(Term&& o) noexcept {
    e_ = o.e_;  // copy: see above
    return *this;
  }
  ~Term() = default;
  const z3::expr& expr() const { return e_; }

 private:
  z3::expr e_;
};

/// A fresh integer constant of the installed encoding.
inline z3::expr int_constant(const std::string& name) {
  return z3_context().int_const(name.c_str());
}

inline Term lift(const Term& t) {
  return t;
}
inline Term lift(int v) {
  return z3_context().int_val(v);
}

#define PASID_Z3_BINARY(op)                               \
  inline Term operator op(const Term& a, const Term& b) { \
    return a.expr() op b.expr();                          \
  }                                                       \
  inline Term operator op(const Term& a, int b) {         \
    return a.expr() op lift(b).expr();                    \
  }                                                       \
  inline Term operator op(int a, const Term& b) {         \
    return lift(a).expr() op b.expr();                    \
  }
PASID_Z3_BINARY(==)
PASID_Z3_BINARY(!=)
PASID_Z3_BINARY(<)
PASID_Z3_BINARY(<=)
PASID_Z3_BINARY(>)
PASID_Z3_BINARY(>=)
PASID_Z3_BINARY(+)
PASID_Z3_BINARY(-)
#undef PASID_Z3_BINARY

inline Term operator&&(const Term& a, const Term& b) {
  return a.expr() && b.expr();
}
inline Term operator||(const Term& a, const Term& b) {
  return a.expr() || b.expr();
}
inline Term operator!(const Term& a) {
  return !a.expr();
}
/// If-then-else; a branch that changes nothing makes no term (so a rule's effect only
/// touches the fields it writes).
inline Term ite(const Term& c, const Term& a, const Term& b) {
  if (z3::eq(a.expr(), b.expr())) return a;
  return z3::ite(c.expr(), a.expr(), b.expr());
}

/// The domain: what model/ templates are instantiated with for the SMT engines.
struct Z3Domain {
  using Bool = Term;
  using Int = Term;
  static constexpr bool kSymbolic = true;
  static Int num(int v) { return lift(v); }
  static Bool truth(bool v) { return z3_context().bool_val(v); }
};

}  // namespace pasid::smt
