#include "ftrace.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "scan.hpp"

namespace pasid::replay {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// The value of a hex digit, either case; 99 for any other character.
constexpr auto kDigitValue = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : 99;
  return t;
}();

bool has_control_chars(std::string_view s) {
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) return true;
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// The header lines of both printers that are not comments: "cpus=2", "version = 6",
/// "CPU 0 is empty", "CPU:1 [LOST 58 EVENTS]".
LineKind header_kind(std::string_view s) {
  if (s.empty() || s.front() == '#') return LineKind::comment;
  if (s.starts_with("cpus=") || s.starts_with("version =")) return LineKind::comment;
  if (s.starts_with("CPU") && s.find("[LOST ") != std::string_view::npos) return LineKind::lost;
  if (s.starts_with("CPU ") && s.ends_with(" is empty")) return LineKind::comment;
  return LineKind::record;
}

/// The position of " [cpu]" in s: the first '[' after a blank, followed by digits and ']'.
std::size_t find_cpu(std::string_view s, std::size_t& end) {
  for (std::size_t at = s.find('['); at != std::string_view::npos; at = s.find('[', at + 1)) {
    if (at == 0 || s[at - 1] != ' ') continue;
    std::size_t k = at + 1;
    while (k < s.size() && is_digit(s[k])) ++k;
    if (k > at + 1 && k < s.size() && s[k] == ']') {
      end = k + 1;
      return at - 1;
    }
  }
  return std::string_view::npos;
}

/// How many blanks s starts with: eight bytes at a time, as a right-aligned field has many.
std::size_t leading_blanks(std::string_view s) {
  std::size_t k = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; k + 8 <= s.size(); k += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, s.data() + k, 8);
      w ^= 0x2020202020202020ull;  // blanks become zero bytes
      if (w != 0) return k + static_cast<std::size_t>(std::countr_zero(w) / 8);
    }
  }
  while (k < s.size() && s[k] == ' ') ++k;
  return k;
}

/// The six digits at p (p[-2] and p[-1] must be readable) as a number, eight bytes at a
/// time (Lemire's parse_eight_digits with the two bytes before them taken for '0').
bool six_digits(const char* p, std::int64_t& out) {
  if constexpr (std::endian::native != std::endian::little) {
    std::int64_t v = 0;
    for (int k = 0; k < 6; ++k) {
      if (!is_digit(p[k])) return false;
      v = v * 10 + (p[k] - '0');
    }
    out = v;
    return true;
  }
  std::uint64_t w = 0;
  std::memcpy(&w, p - 2, 8);
  w = (w & ~0xffffull) | 0x3030ull;
  constexpr std::uint64_t kHigh = 0xf0f0f0f0f0f0f0f0ull, kZeros = 0x3030303030303030ull;
  if ((w & kHigh) != kZeros || ((w + 0x0606060606060606ull) & kHigh) != kZeros) return false;
  w -= kZeros;
  w = w * 10 + (w >> 8);
  w = (((w & 0x000000ff000000ffull) * (100 + (1000000ull << 32))) +
       (((w >> 16) & 0x000000ff000000ffull) * (1 + (10000ull << 32)))) >>
      32;
  out = static_cast<std::int64_t>(w);
  return true;
}

/// "comm-pid", possibly followed by "(tgid)".
bool split_task(std::string_view task, TraceLine& out) {
  task = trim(task);
  if (!task.empty() && task.back() == ')') {
    std::size_t open = task.rfind('(');
    if (open == std::string_view::npos) return false;
    task = trim(task.substr(0, open));
  }
  std::size_t dash = task.rfind('-');
  if (dash == std::string_view::npos || dash + 1 == task.size()) return false;
  out.comm = task.substr(0, dash);
  return parse_number(task.substr(dash + 1), false, out.pid) && out.pid >= 0;
}

/// "16.205331" (seconds, up to nanosecond digits) into nanoseconds, or the count a clock
/// that is not in nanoseconds printed ("41735601272").
bool parse_timestamp(std::string_view s, TraceLine& out) {
  std::size_t dot = s.find('.');
  out.in_ns = dot != std::string_view::npos;
  if (!out.in_ns) {
    for (char c : s)
      if (!is_digit(c)) return false;
    return parse_number(s, false, out.stamp);
  }
  std::int64_t& ns = out.stamp;
  if (dot == 0 || dot + 1 == s.size() || s.size() - dot > 10) return false;
  std::int64_t whole = 0, frac = 0;
  // seconds beyond what nanoseconds in 64 bits hold (292 years) are no kernel's
  constexpr std::int64_t kMaxSeconds = (INT64_MAX - 999'999'999) / 1'000'000'000;
  if (dot > 12 || !parse_number(s.substr(0, dot), false, whole) || whole > kMaxSeconds)
    return false;
  std::string_view f = s.substr(dot + 1);
  for (char c : f) {
    if (!is_digit(c)) return false;
    frac = frac * 10 + (c - '0');
  }
  for (std::size_t k = f.size(); k < 9; ++k) frac *= 10;
  ns = whole * 1'000'000'000 + frac;
  return true;
}

bool looks_like_timestamp(std::string_view token) {
  return token.size() > 1 && token.back() == ':' && is_digit(token.front());
}

/// The event name and body after the timestamp.
bool split_event(std::string_view rest, TraceLine& out) {
  std::size_t k = event_name_length(rest);
  if (k == 0 || k == rest.size()) return false;
  out.event = rest.substr(0, k);
  if (rest[k] == ':') {
    out.body = trim(rest.substr(k + 1));
  } else if (rest[k] == '(' && rest.back() == ')') {
    out.call = CallPart::enter;
    out.body = rest.substr(k + 1, rest.size() - k - 2);
  } else if (rest.substr(k).starts_with(" -> ")) {
    out.call = CallPart::exit;
    out.body = trim(rest.substr(k + 4));
  } else {
    return false;
  }
  return true;
}

std::string_view next_token(std::string_view s, std::size_t& at) {
  while (at < s.size() && s[at] == ' ') ++at;
  std::size_t start = at;
  while (at < s.size() && s[at] != ' ') ++at;
  return s.substr(start, at - start);
}

/// "0d..1.": the latency format's cpu number run together with its 4 or 5 flags.
bool cpu_and_flags(std::string_view token) {
  std::size_t k = 0;
  while (k < token.size() && is_digit(token[k])) ++k;
  std::size_t flags = token.size() - k;
  if (k == 0 || flags < 4 || flags > 5) return false;
  return event_name_length(token, k) == token.size();  // letters, digits and '.'
}

/// The latency format (options/latency-format): "%8.8s-%-7d %3d" with the flags right
/// after the cpu, then " %4lldus%c: " (microseconds since the trace began, and a mark for
/// a long gap: ' ', '+', '!', '#', '*', '@', '$') or " %4lld: " for a clock that does not
/// count nanoseconds.  Where the event starts; npos when the line is not in it.
std::size_t parse_latency(std::string_view line, TraceLine& out) {
  std::size_t at = 0, task_end = std::string_view::npos;
  for (int k = 0; k < 4 && task_end == std::string_view::npos; ++k) {  // a comm may have blanks
    std::string_view token = next_token(line, at);
    if (token.empty()) return std::string_view::npos;
    if (k > 0 && cpu_and_flags(token)) task_end = at - token.size();
  }
  if (task_end == std::string_view::npos || !split_task(line.substr(0, task_end), out))
    return std::string_view::npos;
  std::string_view stamp = next_token(line, at);
  std::size_t digits = 0;
  while (digits < stamp.size() && is_digit(stamp[digits])) ++digits;
  std::string_view unit = stamp.substr(digits);
  out.in_ns = unit.starts_with("us");
  if (out.in_ns) unit.remove_prefix(2);
  if (out.in_ns && unit.empty()) unit = next_token(line, at);  // the mark was a blank
  const bool marked = out.in_ns && unit.size() == 2 && unit[0] != ':';
  if (digits == 0 || digits > 15 || (unit != ":" && !marked) || unit.back() != ':')
    return std::string_view::npos;
  if (!parse_number(stamp.substr(0, digits), false, out.stamp)) return std::string_view::npos;
  if (out.in_ns) out.stamp *= 1000;
  return at;
}

/// "task_newtask: pid=2 ..." alone: an event line with no task and no time, as the kernel
/// prints with options/context-info off.
bool without_context(std::string_view s) {
  std::size_t k = event_name_length(s);
  return k > 0 && k + 1 < s.size() && ((s[k] == ':' && s[k + 1] == ' ') || s[k] == '(');
}

/// The kernel's own layout, "%16s-%-7d [%03d] %5s %12s: event": every part at a fixed
/// column while uptime stays under 100,000 s.  Reads it by position, or returns false for
/// the general parser to read (or reject) the line, as it does a clock's count.  Flattened:
/// a call to one of its small helpers costs about what the helper does.
[[gnu::flatten]] bool parse_fixed(std::string_view line, TraceLine& out) {
  constexpr std::size_t kDash = 16, kCpu = 25, kFlags = 31, kStamp = 37, kColon = 49;
  if (line.size() < kColon + 3 || line[kCpu] != '[' || line[kCpu + 4] != ']' ||
      line[kDash] != '-' || line[kCpu - 1] != ' ' || line[kFlags - 1] != ' ' ||
      line[kStamp - 1] != ' ' || line[kColon] != ':' || line[kColon + 1] != ' ' ||
      line[kColon - 7] != '.')
    return false;
  std::int64_t pid = 0;
  std::size_t k = kDash + 1;
  for (; k < kCpu && is_digit(line[k]); ++k) pid = pid * 10 + (line[k] - '0');
  if (k == kDash + 1) return false;
  for (; k < kCpu; ++k)
    if (line[k] != ' ') return false;
  std::size_t c = leading_blanks(line.substr(0, kDash));
  // "%5lu.%06lu": the seconds right-aligned before the '.', then six digits.
  std::size_t t = kStamp + leading_blanks(line.substr(kStamp, kColon - 7 - kStamp));
  if (t == kColon - 7) return false;
  std::int64_t seconds = 0;
  for (; t < kColon - 7; ++t) {
    if (!is_digit(line[t])) return false;
    seconds = seconds * 10 + (line[t] - '0');
  }
  std::int64_t micros = 0;
  if (!six_digits(line.data() + kColon - 6, micros)) return false;
  out.comm = line.substr(c, kDash - c);
  out.pid = pid;
  out.stamp = seconds * 1'000'000'000 + micros * 1000;
  return true;
}

}  // namespace

LineKind parse_line(std::string_view line, TraceLine& out, std::string& why, int& col) {
  out = TraceLine{};
  if (parse_fixed(line, out)) {
    std::string_view rest = line.substr(51);
    while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' ')) rest.remove_suffix(1);
    if (split_event(rest, out)) {
      out.body_col = static_cast<int>(out.body.data() - line.data()) + 1;
      return LineKind::record;
    }
    out = TraceLine{};  // let the general parser say what is wrong
  }
  std::string_view s = trim(line);
  LineKind kind = header_kind(s);
  if (kind != LineKind::record) return kind;
  auto bad = [&](std::size_t at, const char* what) {
    why = what;
    col = static_cast<int>(at + 1);
    return LineKind::bad;
  };
  auto bad_or_binary = [&](std::size_t at, const char* what) {
    // Checked only here, to keep the common path one pass: a line that parses is text.
    if (has_control_chars(line))
      return bad(0, "binary data, not trace text (for a trace.dat, run `trace-cmd report` first)");
    return bad(at, what);
  };
  std::size_t cpu_end = 0;
  std::size_t cpu = find_cpu(line, cpu_end);
  std::size_t at = 0;
  if (cpu != std::string_view::npos) {
    if (!split_task(line.substr(0, cpu), out))
      return bad_or_binary(0, "expected `comm-pid` before [cpu]");
    at = cpu_end;
    std::string_view token = next_token(line, at);
    if (!looks_like_timestamp(token)) token = next_token(line, at);  // latency flags came first
    if (!looks_like_timestamp(token) || !parse_timestamp(token.substr(0, token.size() - 1), out))
      return bad_or_binary(at - token.size(), "expected a timestamp `seconds.micros:` or `count:`");
  } else if (at = parse_latency(line, out); at == std::string_view::npos) {
    out = TraceLine{};
    if (without_context(s))
      return bad(0,
                 "an event with no task and no time: the trace was recorded with "
                 "options/context-info off; record with it on");
    return bad_or_binary(0, "expected `comm-pid [cpu]` at the start");
  }
  while (at < line.size() && line[at] == ' ') ++at;
  std::string_view rest = line.substr(at);
  while (!rest.empty() && (rest.back() == '\r' || rest.back() == ' ')) rest.remove_suffix(1);
  if (!split_event(rest, out))
    return bad_or_binary(at, "expected `event: fields` after the timestamp");
  out.body_col = static_cast<int>(out.body.data() - line.data()) + 1;
  return LineKind::record;
}

std::string_view field(const TraceLine& line, std::string_view key) {
  std::string_view b = line.body;
  if (key.empty()) return "";
  if (key == "return")
    return line.call == CallPart::exit || line.event.starts_with("sys_exit_") ? b : "";
  if (key.size() > 1 && key.front() == '#') {
    std::int64_t n = 0;
    if (!parse_number(key.substr(1), false, n)) return "";
    std::size_t at = 0;
    for (;;) {
      while (at < b.size() && (b[at] == ' ' || b[at] == ',')) ++at;
      std::size_t start = at;
      while (at < b.size() && b[at] != ' ' && b[at] != ',') ++at;
      if (start == at) return "";
      if (n-- == 0) return b.substr(start, at - start);
    }
  }
  // The key's first two bytes found together, then the rest of it: a key starts a token
  // (after a blank, ',' or '(') and is followed by '=', ':' or a blank.
  auto next = [&](std::size_t at) {
    return key.size() > 1 ? find_pair(b, at, key[0], key[1])
                          : find_first_of3(b, at, key[0], key[0], key[0]);
  };
  for (std::size_t at = next(0); at < b.size(); at = next(at + 1)) {
    std::size_t v = at + key.size();
    if (v >= b.size() || (b[v] != '=' && b[v] != ':' && b[v] != ' ')) continue;
    if (at > 0 && b[at - 1] != ' ' && b[at - 1] != ',' && b[at - 1] != '(') continue;
    std::size_t same = std::min<std::size_t>(2, key.size());  // keys are short: no memcmp
    while (same < key.size() && b[at + same] == key[same]) ++same;
    if (same < key.size()) continue;
    if (b[v] != ' ') ++v;
    while (v < b.size() && b[v] == ' ') ++v;
    std::size_t end = find_first_of3(b, v, ' ', ',', ')');
    return b.substr(v, end - v);
  }
  return "";
}

bool parse_number(std::string_view text, bool hex, std::int64_t& out) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.starts_with("0x") || text.starts_with("0X")) {
    hex = true;
    text.remove_prefix(2);
  }
  if (text.empty() || text.size() > (hex ? 16u : 18u)) return false;  // within 2^64
  const unsigned base = hex ? 16 : 10;
  std::uint64_t v = 0;
  if (hex && text.size() == 16) {  // a pointer: the most common long number
    if (!hex16(text.data(), v)) return false;
  } else {
    for (char c : text) {
      unsigned d = kDigitValue[static_cast<unsigned char>(c)];
      if (d >= base) return false;
      v = v * base + d;
    }
  }
  // Pointers above 2^63 wrap to negative values: they are only compared.
  out = static_cast<std::int64_t>(negative ? 0 - v : v);
  return true;
}

}  // namespace pasid::replay
