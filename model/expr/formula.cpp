#include "formula.hpp"

#include <array>
#include <string>

namespace pasid::expr {

namespace {

using T = Type;
using F = Field;

// Every field of the language.  Observation fields follow log.hpp: `owner` is the owner
// of the PASID when the step read it, `bonds` the mm's live bonds when its PASID was
// freed, `activated` the thread's flag before the fixup, `portal` whether the mm mapped a
// portal when ENQCMD took #GP.
constexpr FieldInfo kFields[] = {
    {T::thread, "alive", F::alive, T::boolean, T::none},
    {T::thread, "process", F::process, T::process, T::none},
    {T::thread, "mm", F::mm, T::mm, T::none},
    {T::thread, "msr", F::msr, T::msr, T::none},
    {T::thread, "activated", F::activated, T::boolean, T::none},
    {T::thread, "saved", F::saved, T::number, T::none},
    {T::msr, "valid", F::valid, T::boolean, T::none},
    {T::msr, "pasid", F::pasid, T::number, T::none},
    {T::process, "alive", F::alive, T::boolean, T::none},
    {T::process, "mm", F::mm, T::mm, T::none},
    {T::process, "threads", F::threads, T::number, T::none},
    {T::process, "fd", F::fd, T::boolean, T::file},
    {T::mm, "alive", F::alive, T::boolean, T::none},
    {T::mm, "users", F::users, T::number, T::none},
    {T::mm, "count", F::count, T::number, T::none},
    {T::mm, "pasid", F::pasid, T::number, T::none},
    {T::mm, "portal", F::portal, T::boolean, T::file},
    {T::mm, "bonds", F::bonds, T::number, T::none},
    {T::mm, "refs", F::refs, T::number, T::none},
    {T::mm, "binds", F::binds, T::number, T::none},
    {T::mm, "lam", F::lam, T::boolean, T::none},
    {T::file, "open", F::open, T::boolean, T::none},
    {T::file, "device", F::device, T::device, T::none},
    {T::file, "mm", F::mm, T::mm, T::none},
    {T::device, "bond", F::bond, T::bond, T::mm},
    {T::bond, "users", F::users, T::number, T::none},
    {T::bond, "pasid", F::pasid, T::number, T::none},
    {T::bond, "entry", F::entry, T::boolean, T::none},
    {T::allocator, "owner", F::owner, T::mm, T::number},
    {T::submit, "thread", F::thread, T::thread, T::none},
    {T::submit, "device", F::device, T::device, T::none},
    {T::submit, "mm", F::mm, T::mm, T::none},
    {T::submit, "pasid", F::pasid, T::number, T::none},
    {T::submit, "owner", F::owner, T::mm, T::none},
    {T::unbind, "device", F::device, T::device, T::none},
    {T::unbind, "mm", F::mm, T::mm, T::none},
    {T::unbind, "pasid", F::pasid, T::number, T::none},
    {T::unbind, "owner", F::owner, T::mm, T::none},
    {T::pasid_free, "mm", F::mm, T::mm, T::none},
    {T::pasid_free, "pasid", F::pasid, T::number, T::none},
    {T::pasid_free, "bonds", F::bonds, T::number, T::none},
    {T::pasid_free, "at_mmdrop", F::at_mmdrop, T::boolean, T::none},
    {T::pasid_free, "at_mmput", F::at_mmput, T::boolean, T::none},
    {T::pasid_free, "at_last_unbind", F::at_last_unbind, T::boolean, T::none},
    {T::pasid_free, "at_close", F::at_close, T::boolean, T::none},
    {T::child, "thread", F::thread, T::thread, T::none},
    {T::child, "mm", F::mm, T::mm, T::none},
    {T::child, "by_clone", F::by_clone, T::boolean, T::none},
    {T::child, "by_clone_vm", F::by_clone_vm, T::boolean, T::none},
    {T::child, "by_fork", F::by_fork, T::boolean, T::none},
    {T::sigsegv, "thread", F::thread, T::thread, T::none},
    {T::sigsegv, "device", F::device, T::device, T::none},
    {T::sigsegv, "mm", F::mm, T::mm, T::none},
    {T::sigsegv, "pasid", F::pasid, T::number, T::none},
    {T::sigsegv, "portal", F::portal, T::boolean, T::none},
    {T::fixup, "thread", F::thread, T::thread, T::none},
    {T::fixup, "mm", F::mm, T::mm, T::none},
    {T::fixup, "pasid", F::pasid, T::number, T::none},
    {T::fixup, "activated", F::activated, T::boolean, T::none},
    {T::mm_read, "mm", F::mm, T::mm, T::none},
    {T::mm_read, "count", F::count, T::number, T::none},
};

constexpr std::array<std::string_view, 18> kTypeNames = {
    "bool",  "number", "thread", "process", "mm",         "file",  "device",  "bond",  "msr",
    "alloc", "none",   "submit", "unbind",  "pasid_free", "child", "sigsegv", "fixup", "mm_read"};

constexpr std::array<std::string_view, 13> kSortNames = {
    "thread", "process",    "mm",    "file",    "device", "pasid",  "submit",
    "unbind", "pasid_free", "child", "sigsegv", "fixup",  "mm_read"};

}  // namespace

const FieldInfo* find_field(Type of, std::string_view name) {
  for (const FieldInfo& f : kFields)
    if (f.of == of && f.name == name) return &f;
  return nullptr;
}

std::string field_names(Type of) {
  std::string out;
  for (const FieldInfo& f : kFields)
    if (f.of == of) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

std::string_view type_name(Type t) {
  return kTypeNames[static_cast<unsigned>(t)];
}

bool find_sort(std::string_view name, Sort& out) {
  for (std::size_t i = 0; i < kSortNames.size(); ++i)
    if (kSortNames[i] == name) {
      out = static_cast<Sort>(i);
      return true;
    }
  return false;
}

std::string sort_names() {
  std::string out;
  for (std::string_view s : kSortNames) out += (out.empty() ? "" : ", ") + std::string(s);
  return out;
}

Type sort_type(Sort s) {
  switch (s) {
    case Sort::thread:
      return Type::thread;
    case Sort::process:
      return Type::process;
    case Sort::mm:
      return Type::mm;
    case Sort::file:
      return Type::file;
    case Sort::device:
      return Type::device;
    case Sort::pasid:
      return Type::number;
    default:
      return static_cast<Type>(static_cast<int>(Type::submit) + static_cast<int>(s) -
                               static_cast<int>(Sort::submit));
  }
}

}  // namespace pasid::expr
