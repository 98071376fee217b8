#include "graph_dot.hpp"

#include <set>
#include <string>
#include <utility>

namespace pasid {

namespace {

std::string pasid_text(int p) {
  return p == kNoPasid ? "-" : std::to_string(p);
}

std::string threads_line(const Bounds& b, const State<Concrete>& s) {
  std::string line;
  for (int t = 0; t < b.threads; ++t) {
    const auto& th = s.threads[t];
    if (!th.alive) continue;
    line += "t" + std::to_string(t) + "@p" + std::to_string(th.proc);
    if (th.msr_valid) line += " msr" + std::to_string(th.msr_pasid);
    if (th.activated) line += "*";
    if (th.ipi) line += " ipi";  // design A: an update_pasid() IPI on its way
    if (th.waits) line += " waits";
    if (th.fpregs) line += " saved " + pasid_text(th.xsave);
    line += "  ";
  }
  return line.empty() ? "no threads" : line;
}

std::string mms_line(const Bounds& b, const State<Concrete>& s) {
  std::string line;
  for (int m = 0; m < b.mms; ++m) {
    const auto& mm = s.mms[m];
    if (mm.count == 0) continue;
    line += "mm" + std::to_string(m) + " u" + std::to_string(mm.users) + " c" +
            std::to_string(mm.count) + " pasid " + pasid_text(mm.pasid);
    for (int f = 0; f < b.files; ++f)
      if (mm.portal[f]) line += " portal f" + std::to_string(f);
    line += "  ";
  }
  return line;
}

std::string bonds_line(const Bounds& b, const State<Concrete>& s) {
  std::string line;
  for (int d = 0; d < b.devices; ++d)
    for (int m = 0; m < b.mms; ++m) {
      const auto& bond = s.bonds[d][m];
      if (bond.users == 0 && !bond.entry) continue;
      line += "dev" + std::to_string(d) + ":mm" + std::to_string(m) + " x" +
              std::to_string(bond.users) + " pasid " + pasid_text(bond.pasid) +
              (bond.entry ? "" : " (no entry)") + "  ";
    }
  return line;
}

std::string owners_line(const Bounds& b, const State<Concrete>& s) {
  std::string line;
  for (int p = 1; p <= b.pasids; ++p)
    if (s.alloc.owner[p - 1] != kNone)
      line += "p" + std::to_string(p) + "->mm" + std::to_string(s.alloc.owner[p - 1]) + "  ";
  return line;
}

}  // namespace

std::string state_summary(const Bounds& b, const State<Concrete>& s) {
  std::string out;
  for (const std::string& line :
       {threads_line(b, s), mms_line(b, s), bonds_line(b, s), owners_line(b, s)})
    if (!line.empty()) out += line + "\\l";
  return out;
}

void write_graph_dot(std::ostream& out, const Problem& pb, const StateGraph& g) {
  out << "digraph states {\n  graph [fontname=\"Helvetica\"];\n";
  out << "  node [shape=box, fontname=\"Helvetica\", fontsize=9];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=8, arrowsize=0.6];\n";
  std::set<std::pair<std::uint32_t, std::uint32_t>> on_path;
  for (std::size_t i = 0; i + 1 < g.path.size(); ++i) on_path.insert({g.path[i], g.path[i + 1]});
  for (std::size_t i = 0; i < g.states.size(); ++i) {
    out << "  s" << i << " [label=\"s" << i << "\\l" << state_summary(pb.bounds, g.states[i])
        << "\"";
    if (i == 0) out << ", penwidth=2";
    if (g.breaks[i]) out << ", style=filled, fillcolor=\"#f4b6b6\", color=red";
    out << "];\n";
  }
  for (const auto& e : g.edges) {
    if (e.from == e.to && !e.breaks) continue;  // steps that change nothing (a submission)
    out << "  s" << e.from << " -> s" << e.to << " [label=\""
        << instance_name(e.step.rule, e.step.args) << "\"";
    bool last = g.bad_step && g.bad_step->from == e.from && g.bad_step->to == e.to &&
                g.bad_step->step.rule == e.step.rule;
    if (e.breaks || last)
      out << ", color=red, fontcolor=red, penwidth=2";
    else if (on_path.count({e.from, e.to}))
      out << ", color=\"#3465a4\", penwidth=2";
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace pasid
