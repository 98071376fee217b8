#pragma once
// Written invariants (issue 9): a formula over one step of the model, checked by every engine.
//
//   forall t: thread. t.alive && t.msr.valid ==> t.msr.pasid == t.mm.pasid
//
// A formula is a tree of typed nodes.  The spec reader parses and type-checks it
// (checker/spec/formula_parser.hpp); evaluate() in eval.hpp runs it over any value domain,
// so the explicit engine and the SMT encodings read the same definition.  This header is
// the language: its sorts, their fields, and the operators.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace pasid::expr {

/// The type of a node.  Objects are slot indices (kNone: no object); observations are
/// what the step saw (log.hpp), bound only by quantifiers.
enum class Type : std::uint8_t {
  boolean,
  number,
  thread,
  process,
  mm,
  file,
  device,
  bond,       ///< the bond of one device to one mm: device.bond(mm)
  msr,        ///< a thread's IA32_PASID MSR: thread.msr
  allocator,  ///< `alloc`, the PASID allocator
  none,       ///< the literal `none`: equal to an object reference that names nothing
  submit,     ///< observation sorts, in Seen order
  unbind,
  pasid_free,
  child,
  sigsegv,
  fixup,
  mm_read,
};

/// What a quantifier ranges over: every slot of an object sort (dead ones too: their
/// fields are zero), every allocated PASID, or every observation of a kind in the step.
enum class Sort : std::uint8_t {
  thread,
  process,
  mm,
  file,
  device,
  pasid,
  submit,
  unbind,
  pasid_free,
  child,
  sigsegv,
  fixup,
  mm_read
};

enum class Field : std::uint8_t {
  alive,
  process,
  mm,
  msr,
  activated,  // thread (alive, mm also process, mm)
  valid,
  pasid,  // msr (pasid also mm, bond, observations)
  threads,
  fd,  // process
  users,
  count,
  portal,
  bonds,  // mm (users also bond; bonds also pasid_free)
  open,
  device,  // file (device also observations)
  bond,
  entry,   // device, bond
  owner,   // alloc.owner(p); submit, unbind
  thread,  // observations
  by_clone,
  by_clone_vm,
  by_fork,  // child
  at_mmdrop,
  at_mmput,
  at_last_unbind,
  at_close,  // pasid_free
  saved,     // thread: the PASID of its saved xstate inside fpregs_lock() (design A), or 0
  refs,      // mm: references on its PASID
  binds,     // mm: the users of all its bonds
  lam,       // mm: linear address masking on
};

enum class Op : std::uint8_t {
  boolean,
  number,
  none,
  alloc,
  var,    // leaves
  field,  // kids[0].field, or kids[0].field(kids[1])
  not_,
  neg,
  and_,
  or_,
  implies,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  add,
  sub,
  forall,
  exists,  // var `var` over `sort`, body kids[0]
  prev,    // kids[0] in the state before the step
};

struct Node {
  Op op;
  Type type;
  int value = 0;  ///< boolean / number literal; var: the variable's index
  Field field = Field::alive;
  Sort sort = Sort::thread;
  std::vector<Node> kids;
};

/// A checked formula and what it needs.
struct Formula {
  Node root;
  int variables = 0;          ///< quantifier variables, numbered 0..variables-1
  bool reads_step = false;    ///< uses prev() or observations: check it on every step
  bool names_pasids = false;  ///< tells PASID values apart beyond equality (not symmetric)
};

/// One field of a type: its name as written, its result, and its argument (or none).
struct FieldInfo {
  Type of;
  std::string_view name;
  Field field;
  Type result;
  Type arg;  ///< Type::none: no argument
};

/// The field called `name` of type `of`, or nullptr.
const FieldInfo* find_field(Type of, std::string_view name);

/// The names of the fields of `of`, comma-separated, for messages.
std::string field_names(Type of);

/// "thread", "number", ... for messages.
std::string_view type_name(Type t);

/// The sort called `name`, or false.
bool find_sort(std::string_view name, Sort& out);

/// The sort names, comma-separated, for messages.
std::string sort_names();

/// The type a variable bound by a quantifier over `s` has.
Type sort_type(Sort s);

}  // namespace pasid::expr
