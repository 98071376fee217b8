#include "output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checker/error.hpp"
#include "checker/graphviz/render.hpp"
#include "checker/report/dot.hpp"

namespace pasid::cli {

namespace {

[[noreturn]] void cannot_write(const std::string& path, int err) {
  throw InputError(path, 0, 0, std::string("cannot write the file: ") + std::strerror(err));
}

}  // namespace

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) cannot_write(path, errno);
  errno = 0;
  if (!(out << text) || !out.flush()) cannot_write(path, errno ? errno : EIO);  // ENOSPC ...
}

void require_writable(const std::string& path) {
  if (path.empty()) return;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) cannot_write(path, EISDIR);
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::string probe = std::filesystem::exists(path, ec) ? path
                      : folder.empty()                  ? std::string(".")
                                                        : folder.string();
  if (access(probe.c_str(), W_OK) != 0) cannot_write(path, errno);
}

void require_writable(const PictureOptions& o) {
  for (const std::string* p : {&o.dot, &o.svg, &o.png}) require_writable(*p);
}

void write_pictures(const PictureOptions& o, const std::string& dot) {
  if (!o.dot.empty()) write_file(o.dot, dot);
  if (!o.svg.empty()) write_file(o.svg, render_dot(dot, "svg"));
  if (!o.png.empty()) write_file(o.png, render_dot(dot, "png"));
}

void write_pictures(const PictureOptions& o, const Problem& pb, const Counterexample& cex) {
  std::ostringstream dot;
  write_dot(dot, pb, cex);
  write_pictures(o, dot.str());
}
}  // namespace pasid::cli
