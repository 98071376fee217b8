#pragma once
// Operators and quantifiers of the formula language, over any domain.

#include "eval.hpp"

namespace pasid::expr {

/// The number of slots of an object sort.
inline int slots(Sort s, const Bounds& b) {
  switch (s) {
    case Sort::thread:
      return b.threads;
    case Sort::process:
      return b.processes;
    case Sort::mm:
      return b.mms;
    case Sort::file:
      return b.files;
    default:
      return b.devices;
  }
}

/// forall / exists: the body under each binding, each guarded by whether the binding exists.
template <class D>
typename D::Bool quantify(const Node& n, Env<D>& e) {
  bool all = n.op == Op::forall;
  auto r = D::truth(all);
  auto add = [&](typename D::Bool exists, Value<D> binding) {
    e.vars[static_cast<unsigned>(n.value)] = binding;
    auto body = evaluate(n.kids[0], e).b;
    r = all ? r && implies(exists, body) : r || (exists && body);
    if constexpr (!D::kSymbolic) return r != all;  // decided: stop
    return false;
  };
  if (n.sort == Sort::pasid) {
    const State<D>& s = *e.now;  // the PASIDs allocated in the state read
    for (int k = 0; k < e.b.pasids; ++k)
      if (add(s.alloc.owner[k] != kNone, number_value<D>(number<D>(entry_pasid(s, k))))) break;
  } else if (n.sort >= Sort::submit) {
    auto kind = static_cast<Seen>(static_cast<int>(n.sort) - static_cast<int>(Sort::submit));
    for (const auto& o : e.log) {
      if (o.kind != kind) continue;
      Value<D> v;
      v.obs = &o;
      if (add(o.when, v)) break;
    }
  } else {
    for (int k = 0, end = slots(n.sort, e.b); k < end; ++k)
      if (add(D::truth(true), number_value<D>(number<D>(k)))) break;
  }
  return r;
}

template <class D>
typename D::Bool equal(Type t, const Value<D>& a, const Value<D>& c) {
  if (t == Type::boolean) return a.b == c.b;
  if (t == Type::bond) return a.n == c.n && a.n2 == c.n2;
  return a.n == c.n;
}

template <class D>
Value<D> binary(const Node& n, Env<D>& e) {
  Value<D> a = evaluate(n.kids[0], e);
  if constexpr (!D::kSymbolic) {  // concrete connectives short-circuit
    if (n.op == Op::and_ && !a.b) return a;
    if (n.op == Op::or_ && a.b) return a;
    if (n.op == Op::implies && !a.b) return bool_value<D>(true);
  }
  Value<D> c = evaluate(n.kids[1], e);
  switch (n.op) {
    case Op::and_:
      return bool_value<D>(a.b && c.b);
    case Op::or_:
      return bool_value<D>(a.b || c.b);
    case Op::implies:
      return bool_value<D>(implies(a.b, c.b));
    case Op::eq:
      return bool_value<D>(equal(n.kids[0].type, a, c));
    case Op::ne:
      return bool_value<D>(!equal(n.kids[0].type, a, c));
    case Op::lt:
      return bool_value<D>(a.n < c.n);
    case Op::le:
      return bool_value<D>(a.n <= c.n);
    case Op::gt:
      return bool_value<D>(a.n > c.n);
    case Op::ge:
      return bool_value<D>(a.n >= c.n);
    case Op::add:
      return number_value<D>(a.n + c.n);
    default:
      return number_value<D>(a.n - c.n);
  }
}

template <class D>
Value<D> evaluate(const Node& n, Env<D>& e) {
  switch (n.op) {
    case Op::boolean:
      return bool_value<D>(D::truth(n.value != 0));
    case Op::number:
      return number_value<D>(number<D>(n.value));
    case Op::none:
      return number_value<D>(number<D>(kNone));
    case Op::alloc:
      return Value<D>{};
    case Op::var:
      return e.vars[static_cast<unsigned>(n.value)];
    case Op::field: {
      Value<D> obj = evaluate(n.kids[0], e);
      Value<D> arg = n.kids.size() > 1 ? evaluate(n.kids[1], e) : Value<D>{};
      return field_value<D>(n.kids[0].type, n.field, obj, arg, e);
    }
    case Op::not_:
      return bool_value<D>(!evaluate(n.kids[0], e).b);
    case Op::neg:
      return number_value<D>(number<D>(0) - evaluate(n.kids[0], e).n);
    case Op::forall:
    case Op::exists:
      return bool_value<D>(quantify(n, e));
    case Op::prev: {
      const State<D>* saved = e.now;
      e.now = &e.pre;
      Value<D> v = evaluate(n.kids[0], e);
      e.now = saved;
      return v;
    }
    default:
      return binary(n, e);
  }
}

/// Whether formula f holds over the step pre --log--> post.
template <class D>
typename D::Bool formula_holds(const Formula& f, const Bounds& b, const State<D>& pre,
                               const Log<D>& log, const State<D>& post) {
  Env<D> e{b, pre, log, post, &post, std::vector<Value<D>>(static_cast<unsigned>(f.variables))};
  return evaluate(f.root, e).b;
}

}  // namespace pasid::expr
