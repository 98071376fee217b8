#pragma once
// Field access of the formula language (formula.cpp lists the fields), over any domain.

#include "eval.hpp"

namespace pasid::expr {

template <class D>
Value<D> number_value(Num<D> n) {
  Value<D> v;
  v.n = n;
  return v;
}

template <class D>
Value<D> bool_value(typename D::Bool b) {
  Value<D> v;
  v.b = b;
  return v;
}

template <class D>
Value<D> thread_field(Field f, const Num<D>& t, const Env<D>& e) {
  const State<D>& s = *e.now;
  auto none = number<D>(kNone);
  auto of_thread = [&](auto proj, auto dflt) { return select<D>(e.b.threads, t, dflt, proj); };
  switch (f) {
    case Field::alive:
      return bool_value<D>(of_thread([&](int k) { return s.threads[k].alive; }, D::truth(false)));
    case Field::process:
      return number_value<D>(of_thread([&](int k) { return number<D>(s.threads[k].proc); }, none));
    case Field::mm: {
      auto p = of_thread([&](int k) { return number<D>(s.threads[k].proc); }, none);
      return number_value<D>(
          select<D>(e.b.processes, p, none, [&](int k) { return number<D>(s.procs[k].mm); }));
    }
    case Field::activated:
      return bool_value<D>(
          of_thread([&](int k) { return s.threads[k].activated; }, D::truth(false)));
    case Field::saved:
      return number_value<D>(
          of_thread([&](int k) { return number<D>(s.threads[k].xsave); }, number<D>(0)));
    case Field::valid:  // of the thread's MSR
      return bool_value<D>(
          of_thread([&](int k) { return s.threads[k].msr_valid; }, D::truth(false)));
    case Field::pasid:  // of the thread's MSR
      return number_value<D>(
          of_thread([&](int k) { return number<D>(s.threads[k].msr_pasid); }, number<D>(0)));
    default:  // msr: the thread itself stands for its MSR
      return number_value<D>(t);
  }
}

template <class D>
Value<D> process_field(Field f, const Num<D>& p, const Value<D>& arg, const Env<D>& e) {
  const State<D>& s = *e.now;
  const Bounds& b = e.b;
  switch (f) {
    case Field::alive:
      return bool_value<D>(select<D>(b.processes, p, D::truth(false),
                                     [&](int k) { return process_alive(s, b, k); }));
    case Field::mm:
      return number_value<D>(select<D>(b.processes, p, number<D>(kNone),
                                       [&](int k) { return number<D>(s.procs[k].mm); }));
    case Field::threads:
      return number_value<D>(select<D>(b.processes, p, number<D>(0),
                                       [&](int k) { return number<D>(process_threads(s, b, k)); }));
    default:  // fd(file)
      return bool_value<D>(select<D>(b.processes, p, D::truth(false), [&](int k) {
        return select<D>(b.files, arg.n, D::truth(false), [&](int f) { return s.procs[k].fd[f]; });
      }));
  }
}

template <class D>
Value<D> mm_field(Field f, const Num<D>& m, const Value<D>& arg, const Env<D>& e) {
  const State<D>& s = *e.now;
  const Bounds& b = e.b;
  auto of_mm = [&](auto proj) { return number_value<D>(select<D>(b.mms, m, number<D>(0), proj)); };
  switch (f) {
    case Field::alive:
      return bool_value<D>(
          select<D>(b.mms, m, D::truth(false), [&](int k) { return s.mms[k].count > 0; }));
    case Field::users:
      return of_mm([&](int k) { return number<D>(s.mms[k].users); });
    case Field::count:
      return of_mm([&](int k) { return number<D>(s.mms[k].count); });
    case Field::pasid:
      return of_mm([&](int k) { return number<D>(s.mms[k].pasid); });
    case Field::bonds:
      return of_mm([&](int k) { return number<D>(live_bonds(s, b, k)); });
    case Field::refs:
      return of_mm([&](int k) { return number<D>(s.mms[k].refs); });
    case Field::binds:
      return of_mm([&](int k) { return number<D>(mm_binds(s, b, k)); });
    case Field::lam:
      return bool_value<D>(
          select<D>(b.mms, m, D::truth(false), [&](int k) { return s.mms[k].lam; }));
    default:  // portal(file)
      return bool_value<D>(select<D>(b.mms, m, D::truth(false), [&](int k) {
        return select<D>(b.files, arg.n, D::truth(false),
                         [&](int f) { return s.mms[k].portal[f]; });
      }));
  }
}

template <class D>
Value<D> file_field(Field f, const Num<D>& x, const Env<D>& e) {
  const State<D>& s = *e.now;
  const Bounds& b = e.b;
  if (f == Field::open)
    return bool_value<D>(
        select<D>(b.files, x, D::truth(false), [&](int k) { return file_referenced(s, b, k); }));
  return number_value<D>(select<D>(b.files, x, number<D>(kNone), [&](int k) {
    return number<D>(f == Field::device ? s.files[k].dev : s.files[k].mm);
  }));
}

template <class D>
Value<D> bond_field(Field f, const Value<D>& bond, const Env<D>& e) {
  const State<D>& s = *e.now;
  const Bounds& b = e.b;
  auto of_bond = [&](auto dflt, auto proj) {
    return select<D>(b.devices, bond.n, dflt, [&](int d) {
      return select<D>(b.mms, bond.n2, dflt, [&](int m) { return proj(s.bonds[d][m]); });
    });
  };
  if (f == Field::entry)
    return bool_value<D>(of_bond(D::truth(false), [](const auto& x) { return x.entry; }));
  return number_value<D>(of_bond(number<D>(0), [&](const auto& x) {
    return number<D>(f == Field::users ? x.users : x.pasid);
  }));
}

/// alloc.owner(p): the mm that owns PASID p, or none.
template <class D>
Value<D> owner_field(const Num<D>& p, const Env<D>& e) {
  if constexpr (D::kSymbolic) {
    return number_value<D>(owner_of(*e.now, e.b, p));
  } else {
    bool in_pool = p >= 1 && p <= e.b.pasids;  // a number outside the pool names no PASID
    return number_value<D>(in_pool ? e.now->alloc.owner[static_cast<unsigned>(p - 1)] : kNone);
  }
}

template <class D>
Value<D> observation_field(Field f, const Observation<D>& o) {
  auto site = [&](auto s) { return bool_value<D>(D::truth(o.site == static_cast<int>(s))); };
  switch (f) {
    case Field::thread:
      return number_value<D>(number<D>(o.thread));
    case Field::device:
      return number_value<D>(number<D>(o.dev));
    case Field::mm:
      return number_value<D>(number<D>(o.mm));
    case Field::pasid:
      return number_value<D>(number<D>(o.pasid));
    case Field::owner:
    case Field::bonds:
    case Field::count:
      return number_value<D>(number<D>(o.seen));
    case Field::activated:
    case Field::portal:
      return bool_value<D>(o.seen != 0);
    case Field::by_clone:
      return site(ChildKind::thread);
    case Field::by_clone_vm:
      return site(ChildKind::vm);
    case Field::by_fork:
      return site(ChildKind::fork);
    case Field::at_mmdrop:
      return site(FreeSite::mmdrop);
    case Field::at_mmput:
      return site(FreeSite::mmput);
    case Field::at_last_unbind:
      return site(FreeSite::last_unbind);
    default:
      return site(FreeSite::close);
  }
}

/// obj.f, or obj.f(arg), where obj has type `of`.
template <class D>
Value<D> field_value(Type of, Field f, const Value<D>& obj, const Value<D>& arg, const Env<D>& e) {
  switch (of) {
    case Type::thread:
      return thread_field<D>(f, obj.n, e);
    case Type::msr:
      return thread_field<D>(f, obj.n, e);
    case Type::process:
      return process_field<D>(f, obj.n, arg, e);
    case Type::mm:
      return mm_field<D>(f, obj.n, arg, e);
    case Type::file:
      return file_field<D>(f, obj.n, e);
    case Type::bond:
      return bond_field<D>(f, obj, e);
    case Type::allocator:
      return owner_field<D>(arg.n, e);
    case Type::device: {  // bond(mm)
      Value<D> v = obj;
      v.n2 = arg.n;
      return v;
    }
    default:
      return observation_field<D>(f, *obj.obs);
  }
}

}  // namespace pasid::expr
