#include "z3_domain.hpp"

#include <cassert>

namespace pasid::smt {

namespace {
thread_local z3::context* current = nullptr;
}

z3::context& z3_context() {
  assert(current && "no Z3Scope installed");
  return *current;
}

Z3Scope::Z3Scope(z3::context& ctx) : previous_(current) {
  current = &ctx;
}
Z3Scope::~Z3Scope() {
  current = previous_;
}

}  // namespace pasid::smt
