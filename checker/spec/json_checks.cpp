#include "json_checks.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/error.hpp"

namespace pasid {

void fail_at(const std::string& file, const Json& at, const std::string& msg) {
  throw InputError(file, at.line, at.col, msg);
}

void expect_kind(const std::string& file, const Json& v, Json::Kind k, const std::string& what) {
  if (v.kind != k)
    fail_at(file, v, what + " must be " + kind_name(k) + ", not " + kind_name(v.kind));
}

const std::string& json_text(const std::string& file, const Json& v, const std::string& what) {
  expect_kind(file, v, Json::Kind::string, "\"" + what + "\"");
  return v.string;
}

void check_keys(const std::string& file, const Json& obj,
                std::initializer_list<std::string_view> known, const std::string& where) {
  for (const auto& member : obj.members) {
    bool ok = false;
    std::string list;
    for (auto k : known) {
      ok = ok || member.key == k;
      list += (list.empty() ? "" : ", ") + std::string(k);
    }
    if (!ok)
      throw InputError(
          file, member.line, member.col,
          "unknown field \"" + member.key + "\" in " + where + " (expected one of: " + list + ")");
  }
}

std::string read_text_file(const std::string& path, const std::string& what) {
  std::error_code ec;  // a directory opens as a file on Linux, and then reads as empty
  const int err = std::filesystem::is_directory(path, ec) ? EISDIR : 0;
  std::ifstream in;
  if (!err) in.open(path, std::ios::binary);
  if (err || !in)
    throw InputError(path, 0, 0, "cannot read " + what + ": " + std::strerror(err ? err : errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace pasid
