#include "lines.hpp"

#include <cstdio>
#include <cstring>

#include "checker/error.hpp"

namespace pasid::replay {

std::string cannot_read(int err) {
  return std::string("cannot read the trace: ") + std::strerror(err);
}

std::optional<Format> format_of(std::string_view text) {
  std::size_t k = 0;  // a plain loop: find_first_not_of calls memchr per character
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
  if (k == text.size() || text[k] == '#') return std::nullopt;
  return text[k] == '{' ? Format::json_lines : Format::ftrace;
}

std::string stamp_text(const TraceLine& l) {
  if (!l.in_ns) return std::to_string(l.stamp);
  char s[40];
  std::snprintf(s, sizeof s, "%lld.%06lld", static_cast<long long>(l.stamp / 1'000'000'000),
                static_cast<long long>(l.stamp % 1'000'000'000 / 1000));
  return s;
}

bool FtraceLines::line(std::string_view text, std::int64_t number, bool complete) {
  TraceLine l;
  int col = 0;
  switch (parse_line(text, l, why_, col)) {
    case LineKind::comment:
      return true;
    case LineKind::lost:
      throw InputError(path_, static_cast<int>(number), 1,
                       "the kernel lost events here (its ring buffer overflowed), so the trace "
                       "does not show everything that happened; record with a larger "
                       "buffer_size_kb");
    case LineKind::bad:
      throw InputError(path_, static_cast<int>(number), col,
                       complete ? why_ : "the last line is cut off: " + why_);
    case LineKind::record:
      break;
  }
  ++st_.records;
  if (l.stamp < last_.stamp)
    throw InputError(
        path_, static_cast<int>(number), 1,
        "the timestamp goes back in time (" + stamp_text(l) + " after " + stamp_text(last_) + ")");
  last_.stamp = l.stamp;
  last_.in_ns = l.in_ns;
  if (first_line_ == 0) {
    first_ = last_;
    first_line_ = number;
  }
  const std::vector<int>* rules = m_.find(l.event);
  if (!rules) {
    if (st_.unmapped++ == 0) {
      st_.first_unmapped.assign(l.event);
      st_.first_unmapped_line = number;
    }
    return true;
  }
  for (int r : *rules) {
    TraceEvent& ev = out_.slot();
    if (!apply_rule(m_.rules[r], l, ev, path_, number)) continue;
    ev.line = number;
    ev.what = m_.rules[r].event;
    if (!out_.commit()) return false;
  }
  return true;
}

bool TraceLines::operator()(std::string_view text, std::int64_t number, bool complete) {
  if (stop_ > 0 && number > stop_) return false;
  st.lines = number;
  if (first_) {
    std::optional<Format> f = format_of(text);
    if (!f) return true;  // ftrace's header, or blank lines before JSON lines
    first_ = false;
    st.format = *f;
  }
  if (st.format == Format::ftrace) return ftrace_.line(text, number, complete);
  if (!format_of(text)) return true;
  events_.clear();
  parse_json_line(text, name_, number, events_);
  for (const auto& e : events_) {
    out_.slot() = e;
    if (!out_.commit()) return false;
  }
  return true;
}

}  // namespace pasid::replay
