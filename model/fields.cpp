#include "fields.hpp"

#include <cstdio>
#include <string_view>

namespace pasid {

std::string field_name(const FieldId& id) {
  char buf[96];
  std::string_view obj = id.obj;
  if (obj == "alloc")
    std::snprintf(buf, sizeof buf, "alloc.%s[p%d]", id.field, id.i);
  else if (obj == "dev")
    std::snprintf(buf, sizeof buf, "dev%d.bond[mm%d].%s", id.i, id.j, id.field);
  else if (id.sub)
    std::snprintf(buf, sizeof buf, "%s%d.%s[%s%d]", id.obj, id.i, id.field, id.sub, id.j);
  else
    std::snprintf(buf, sizeof buf, "%s%d.%s", id.obj, id.i, id.field);
  return buf;
}

bool holds_pasid(const FieldId& id) {
  std::string_view f = id.field;
  return f == "pasid" || f == "msr_pasid" || f == "xsave";
}

std::pair<int, int> field_range(const FieldId& id, const Bounds& b, bool full_range) {
  std::string_view f = id.field;
  int pasid_max = full_range ? kPasidMax : b.pasids;
  if (f == "proc") return {kNone, b.processes - 1};
  if (f == "mm" || f == "owner") return {kNone, b.mms - 1};
  if (f == "dev") return {kNone, b.devices - 1};
  if (holds_pasid(id) || f == "value") return {kNoPasid, pasid_max};
  if (f == "users" && std::string_view(id.obj) == "mm")  // its tasks, and in B4's rejected
    return {0, b.threads + b.devices};                   // fix (bond-pins-users) its bonds
  if (f == "users") return {0, 15};             // bond users: files, or more where a design leaks
  if (f == "count") return {0, 1 + b.devices};  // the users' reference and one per bond
  if (f == "refs") return {0, kMaxPasidRefs};
  return {0, 1};  // the booleans
}

bool field_written(const FieldId& id, const Design& z) {
  std::string_view f = id.field;
  if (f == "ipi" || f == "waits" || f == "fpregs" || f == "xsave") return z.pasid_by_ipi;
  if (f == "refs") return z.pasid_free == FreeSite::last_unbind;
  if (f == "lam") return z.has_lam;
  return true;
}

}  // namespace pasid
