#include "fields.hpp"

#include <cstdio>
#include <string_view>

namespace pasid {

std::string field_name(const FieldId& id) {
  char buf[96];
  std::string_view obj = id.obj;
  if (obj == "alloc")
    std::snprintf(buf, sizeof buf, "alloc.owner[p%d]", id.i);
  else if (obj == "dev")
    std::snprintf(buf, sizeof buf, "dev%d.bond[mm%d].%s", id.i, id.j, id.field);
  else if (id.sub)
    std::snprintf(buf, sizeof buf, "%s%d.%s[%s%d]", id.obj, id.i, id.field, id.sub, id.j);
  else
    std::snprintf(buf, sizeof buf, "%s%d.%s", id.obj, id.i, id.field);
  return buf;
}

}  // namespace pasid
