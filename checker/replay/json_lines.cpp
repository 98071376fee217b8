// JSON-lines traces: one action per line, for hand-written and generated traces.

#include <nlohmann/json.hpp>

#include "checker/error.hpp"
#include "json_error.hpp"
#include "source.hpp"

namespace pasid::replay {

namespace {

struct Alias {
  const char* name;
  Act act;
  std::int64_t flags;  ///< task_new: the clone flags the alias stands for
};

/// The clone flags as task:task_newtask prints them for fork, pthread_create and vfork.
constexpr Alias kAliases[] = {{"fork", Act::task_new, 0x1200000},
                              {"clone", Act::task_new, 0x3d0f00},
                              {"vfork", Act::task_new, 0x4100}};

[[noreturn]] void bad(const std::string& file, std::int64_t line, const std::string& msg) {
  throw InputError(file, static_cast<int>(line), 1, msg);
}

std::int64_t number(const nlohmann::json& v, const std::string& key, const std::string& file,
                    std::int64_t line) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  std::int64_t out = 0;
  if (v.is_string() && parse_number(v.get<std::string>(), false, out)) return out;
  bad(file, line, "\"" + key + "\" must be a number (or a \"0x\" string)");
}

}  // namespace

void parse_json_line(std::string_view text, const std::string& file, std::int64_t line,
                     std::vector<TraceEvent>& out) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    JsonError why = json_error(text);  // the line is one line of text: its column
    throw InputError(file, static_cast<int>(line), why.col ? why.col : 1, why.message);
  }
  if (!j.is_object()) bad(file, line, "not a JSON object");
  if (!j.contains("task") || !j.contains("event")) bad(file, line, "needs \"task\" and \"event\"");
  if (!j["event"].is_string()) bad(file, line, "\"event\" must be a string");
  std::string name = j["event"].get<std::string>();
  TraceEvent e;
  e.line = line;
  e.task = number(j["task"], "task", file, line);
  bool open = name == "open";
  bool known = open ? (e.act = Act::bind, true) : act_from_name(name, e.act);
  e.what = open ? "open" : act_name(e.act);
  for (const auto& a : kAliases) {
    if (name != a.name) continue;
    known = true;
    e.act = a.act;
    e.what = a.name;
    e.set(Arg::flags, a.flags);
  }
  if (!known) bad(file, line, "unknown event \"" + name + "\"");
  for (const auto& [key, value] : j.items()) {
    if (key == "task" || key == "event") continue;
    Arg a;
    if (!arg_from_name(key, a)) bad(file, line, "unknown argument \"" + key + "\"");
    e.set(a, number(value, key, file, line));
  }
  std::uint16_t need = open ? bit(Arg::fd) : required_args(e.act);
  if ((e.has & need) != need)
    bad(file, line,
        "\"" + name + "\" needs the argument(s) " +
            arg_list(static_cast<std::uint16_t>(need & ~e.has)));
  out.push_back(e);
  if (!open) return;
  e.act = Act::open_ret;  // the fd the open returned
  out.push_back(e);
}

}  // namespace pasid::replay
