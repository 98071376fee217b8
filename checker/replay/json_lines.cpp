// JSON-lines traces: one action per line, for hand-written and generated traces.

#include <algorithm>
#include <nlohmann/json.hpp>

#include "checker/error.hpp"
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

/// Line `line` of `file`, `text`, which a parse without exceptions discarded, parsed again
/// with them for nlohmann's reason and the column where it stopped.  It throws parse_error
/// for bad syntax, and out_of_range (406) for a number past a double's range, which carries
/// no place: the number is looked for in the line.
[[noreturn]] void not_json(std::string_view text, const std::string& file, std::int64_t line) {
  auto col = [text](std::size_t byte) { return static_cast<int>(std::min(byte, text.size())) + 1; };
  int at = 1;
  std::string message = "not JSON";
  try {
    nlohmann::json parsed = nlohmann::json::parse(text);  // throws, as it did not before
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    at = col(e.byte == 0 ? 0 : e.byte - 1);
    message = "not JSON: " + what.substr(what.rfind(": ") + 2);
  } catch (const nlohmann::json::out_of_range& e) {
    std::string what = e.what();
    std::size_t quote = what.find('\'');
    std::string number = quote == std::string::npos ? "" : what.substr(quote + 1);
    if (!number.empty()) number.pop_back();  // the closing quote
    std::size_t found = number.empty() ? std::string_view::npos : text.find(number);
    if (found != std::string_view::npos) at = col(found);
    if (number.size() > 24) number = number.substr(0, 24) + "...";
    message = "not JSON: the number " + number + " is out of range";
  }
  throw InputError(file, static_cast<int>(line), at, message);
}

}  // namespace

void parse_json_line(std::string_view text, const std::string& file, std::int64_t line,
                     std::vector<TraceEvent>& out) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) not_json(text, file, line);
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
