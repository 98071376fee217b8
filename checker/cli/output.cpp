#include "output.hpp"

#include <fstream>
#include <sstream>

#include "checker/error.hpp"
#include "checker/graphviz/render.hpp"
#include "checker/report/dot.hpp"

namespace pasid::cli {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) throw InputError(path, 0, 0, "cannot write the file");
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
