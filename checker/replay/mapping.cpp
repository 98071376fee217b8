#include "mapping.hpp"

#include <bit>

#include "checker/error.hpp"
#include "checker/spec/json_checks.hpp"
#include "model/rules.hpp"

namespace pasid::replay {

namespace {

class MappingReader {
 public:
  explicit MappingReader(const std::string& file) : file_(file) {}

  Mapping read(const Json& root) {
    Mapping m;
    m.file = file_;
    expect_kind(file_, root, Json::Kind::object, "the mapping");
    check_keys(file_, root, {"name", "kernels", "description", "detect", "unobserved", "events"},
               "the mapping");
    if (const Json* n = root.find("name")) m.name = json_text(file_, *n, "name");
    if (const Json* k = root.find("kernels")) m.kernels = json_text(file_, *k, "kernels");
    if (const Json* d = root.find("detect")) read_detect(*d, m);
    if (const Json* u = root.find("unobserved")) read_unobserved(*u, m);
    const Json* events = root.find("events");
    if (!events) fail_at(file_, root, "the mapping has no \"events\"");
    expect_kind(file_, *events, Json::Kind::array, "\"events\"");
    for (const Json& e : events->items) {
      m.rules.push_back(read_rule(e));
      m.index(static_cast<int>(m.rules.size()) - 1);
    }
    return m;
  }

 private:
  const std::string& file_;

  void read_detect(const Json& d, Mapping& m) const {
    expect_kind(file_, d, Json::Kind::object, "\"detect\"");
    check_keys(file_, d, {"event", "field", "present"}, "\"detect\"");
    Detect det;
    if (const Json* e = d.find("event")) det.event = json_text(file_, *e, "event");
    if (const Json* f = d.find("field")) det.field = json_text(file_, *f, "field");
    if (const Json* p = d.find("present")) {
      expect_kind(file_, *p, Json::Kind::boolean, "\"present\"");
      det.present = p->boolean;
    }
    if (det.event.empty() || det.field.empty())
      fail_at(file_, d, "\"detect\" needs an \"event\" and a \"field\"");
    m.detect.push_back(det);
  }

  void read_unobserved(const Json& u, Mapping& m) const {
    expect_kind(file_, u, Json::Kind::array, "\"unobserved\"");
    for (const Json& item : u.items) {
      const std::string& name = json_text(file_, item, "unobserved");
      int rule = -1;
      for (int r = 0; r < kRuleCount; ++r)
        if (name == rule_info(r).name) rule = r;
      if (rule < 0) fail_at(file_, item, "unknown model rule \"" + name + "\"");
      m.unobserved.push_back(rule);
    }
  }

  EventRule read_rule(const Json& e) const {
    expect_kind(file_, e, Json::Kind::object, "an event");
    check_keys(file_, e, {"event", "part", "act", "args", "where"}, "an event");
    EventRule r;
    const Json* name = e.find("event");
    const Json* act = e.find("act");
    if (!name || !act) fail_at(file_, e, "an event needs \"event\" and \"act\"");
    r.event = json_text(file_, *name, "event");
    if (!act_from_name(json_text(file_, *act, "act"), r.act))
      fail_at(file_, *act, "unknown act \"" + act->string + "\"");
    if (const Json* p = e.find("part")) r.part = read_part(*p);
    if (const Json* a = e.find("args")) read_args(*a, r);
    if (const Json* w = e.find("where")) {
      expect_kind(file_, *w, Json::Kind::object, "\"where\"");
      for (const auto& member : w->members)
        r.where.emplace_back(member.key, json_text(file_, member.value, member.key));
    }
    std::uint16_t given = 0;
    for (const auto& a : r.args) given |= bit(a.arg);
    if ((required_args(r.act) & given) != required_args(r.act))
      fail_at(file_, e,
              std::string("act \"") + act_name(r.act) + "\" needs the argument(s) " +
                  arg_list(static_cast<std::uint16_t>(required_args(r.act) & ~given)));
    return r;
  }

  CallPart read_part(const Json& p) const {
    const std::string& s = json_text(file_, p, "part");
    if (s == "enter") return CallPart::enter;
    if (s == "exit") return CallPart::exit;
    fail_at(file_, p, "\"part\" must be \"enter\" or \"exit\"");
  }

  void read_args(const Json& a, EventRule& r) const {
    expect_kind(file_, a, Json::Kind::object, "\"args\"");
    for (const auto& member : a.members) {
      ArgSource src;
      if (!arg_from_name(member.key, src.arg))
        throw InputError(file_, member.line, member.col, "unknown argument \"" + member.key + "\"");
      src.field = json_text(file_, member.value, member.key);
      if (src.field.ends_with(":hex")) {
        src.hex = true;
        src.field.resize(src.field.size() - 4);
      }
      r.args.push_back(src);
    }
  }
};

}  // namespace

void Mapping::index(int r) {
  const std::string& event = rules[static_cast<std::size_t>(r)].event;
  if (table.size() < 2 * (rules.size() + 1)) {  // grow, and put everything back
    std::vector<Slot> old = std::move(table);
    table.assign(std::bit_ceil(std::max<std::size_t>(64, 4 * rules.size())), Slot{});
    for (auto& slot : old)
      for (int q : slot.rules) place(slot.event, q);
  }
  place(event, r);
}

void Mapping::place(const std::string& event, int r) {
  const Key key = key_of(event);
  for (std::size_t k = key.hash() & (table.size() - 1);; k = (k + 1) & (table.size() - 1)) {
    Slot& slot = table[k];
    if (slot.rules.empty()) {
      slot.event = event;
      slot.key = key;
    }
    if (slot.event != event) continue;
    slot.rules.push_back(r);
    return;
  }
}

Mapping parse_mapping(std::string_view text, const std::string& file) {
  return MappingReader(file).read(parse_json(text, file));
}

Mapping read_mapping(const std::string& path) {
  return parse_mapping(read_text_file(path, "the mapping"), path);
}

bool detect_matches(const Mapping& m, const TraceLine& line, bool& decided) {
  bool ok = true;
  for (const auto& d : m.detect) {
    if (line.event != d.event) continue;
    decided = true;
    ok = ok && (!field(line, d.field).empty()) == d.present;
  }
  return ok;
}

bool apply_rule(const EventRule& r, const TraceLine& line, TraceEvent& out, const std::string& file,
                std::int64_t line_no) {
  if (r.part != CallPart::none && r.part != line.call) return false;
  for (const auto& [key, want] : r.where)
    if (field(line, key) != want) return false;
  out.act = r.act;
  out.task = line.pid;
  out.has = 0;
  for (const auto& a : r.args) {
    std::string_view text = field(line, a.field);
    std::int64_t v = 0;
    if (text.empty() || !parse_number(text, a.hex, v))
      throw InputError(file, static_cast<int>(line_no), line.body_col,
                       std::string(line.event) + ": " +
                           (text.empty() ? "no field \"" + a.field + "\""
                                         : "field \"" + a.field + "\" is not a number: \"" +
                                               std::string(text) + "\""));
    out.set(a.arg, v);
  }
  return true;
}

}  // namespace pasid::replay
