#include "render.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <memory>
#include <stdexcept>

namespace pasid {

namespace {

thread_local std::string graphviz_error;

/// Graphviz reports errors through this instead of printing them: libraries never print.
int keep_error(char* message) {
  graphviz_error += message;
  return 0;
}

/// Installs keep_error for as long as it lives.
class QuietGraphviz {
 public:
  QuietGraphviz() : previous_(agseterrf(keep_error)) { graphviz_error.clear(); }
  ~QuietGraphviz() { agseterrf(previous_); }
  QuietGraphviz(const QuietGraphviz&) = delete;
  QuietGraphviz& operator=(const QuietGraphviz&) = delete;

 private:
  agusererrf previous_;
};

std::string failure(const std::string& what) {
  std::string detail = graphviz_error;
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  return detail.empty() ? what : what + ": " + detail;
}

}  // namespace

std::string render_dot(const std::string& dot, const std::string& format) {
  QuietGraphviz quiet;
  std::unique_ptr<GVC_t, decltype(&gvFreeContext)> gvc(gvContext(), gvFreeContext);
  std::unique_ptr<Agraph_t, decltype(&agclose)> g(agmemread(dot.c_str()), agclose);
  if (!g) throw std::runtime_error(failure("Graphviz cannot read the DOT"));
  if (gvLayout(gvc.get(), g.get(), "dot") != 0)
    throw std::runtime_error(failure("Graphviz layout failed"));
  char* data = nullptr;
  unsigned length = 0;
  int rc = gvRenderData(gvc.get(), g.get(), format.c_str(), &data, &length);
  std::string out = rc == 0 && data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc.get(), g.get());
  if (rc != 0) throw std::runtime_error(failure("Graphviz cannot render " + format));
  return out;
}

}  // namespace pasid
