#include "dot.hpp"

#include <map>
#include <string>
#include <vector>

#include "checker/explicit/instances.hpp"
#include "text.hpp"

namespace pasid {

namespace {

/// "t0", "proc1", "mm0", "file1", "dev0", "alloc": the lane a field belongs to.
std::string lane_of(const FieldId& id) {
  std::string obj = id.obj;
  if (obj == "alloc") return "alloc";
  return obj + std::to_string(id.i);
}

/// The field's name within its lane: "msr_valid", "fd[f1]", "bond[mm0].users", "owner[p2]".
std::string short_name(const FieldId& id) {
  std::string full = field_name(id);
  return full.substr(full.find('.') + 1);
}

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

/// Per row (0: initial) and lane: the changes, one "field: a -> b" line each.
using Changes = std::vector<std::map<std::string, std::string>>;

Changes changes(const Problem& pb, const Counterexample& cex) {
  Changes rows(cex.steps.size() + 1);
  const State<Concrete>* before = &cex.initial;
  for (std::size_t i = 0; i < cex.steps.size(); ++i) {
    for (const FieldChange& c : field_changes(pb.bounds, *before, cex.steps[i].after))
      rows[i + 1][lane_of(c.id)] += short_name(c.id) + ": " + field_value(c.id, c.from) + " -> " +
                                    field_value(c.id, c.to) + "\\l";
    before = &cex.steps[i].after;
  }
  return rows;
}

/// The lanes, in order: threads, processes, mms, files, devices, allocator; only those
/// whose object lives or changes somewhere in the trace.
std::vector<std::string> lanes(const Problem& pb, const Counterexample& cex, const Changes& ch) {
  std::vector<std::string> out;
  auto used = [&](const std::string& lane, auto&& alive) {
    bool on = alive(cex.initial);
    for (std::size_t i = 0; i < cex.steps.size(); ++i)
      on = on || alive(cex.steps[i].after) || ch[i + 1].count(lane);
    if (on) out.push_back(lane);
  };
  const Bounds& b = pb.bounds;
  for (int t = 0; t < b.threads; ++t)
    used("t" + std::to_string(t), [&](const auto& s) { return s.threads[t].alive; });
  for (int p = 0; p < b.processes; ++p)
    used("proc" + std::to_string(p), [&](const auto& s) { return s.procs[p].mm != kNone; });
  for (int m = 0; m < b.mms; ++m)
    used("mm" + std::to_string(m), [&](const auto& s) { return s.mms[m].count > 0; });
  for (int f = 0; f < b.files; ++f)
    used("file" + std::to_string(f), [&](const auto& s) { return s.files[f].dev != kNone; });
  for (int d = 0; d < b.devices; ++d)
    used("dev" + std::to_string(d), [&](const auto& s) {
      for (int f = 0; f < b.files; ++f)
        if (s.files[f].dev == d) return true;
      return false;
    });
  out.push_back("alloc");
  return out;
}

std::string cell(std::size_t row, const std::string& lane) {
  return "c" + std::to_string(row) + "_" + lane;
}

void write_header(std::ostream& out, const std::vector<std::string>& lanes) {
  out << "  {\n    rank=same;\n    e0 [label=\"initial state\", shape=plaintext];\n";
  for (const auto& l : lanes)
    out << "    " << cell(0, l) << " [label=\"" << (l == "alloc" ? "PASID allocator" : l)
        << "\", shape=box, style=\"rounded,filled\", fillcolor=\"#dde6f0\"];\n";
  out << "  }\n";
  // Invisible edges keep the lanes in their order, left to right; dot would otherwise
  // reorder them to shorten the arrows.
  out << "  e0";
  for (const auto& l : lanes) out << " -> " << cell(0, l);
  out << " [style=invis];\n";
}

/// One line for the step and its kernel function, one per observation: a 20-step
/// counterexample stays about a screen high.
std::string event_label(const TraceStep& step, std::size_t i) {
  std::string label = std::to_string(i) + ". " + instance_name(step.rule, step.args) + "  (" +
                      rule_info(step.rule).kernel + ")\\l";
  for (const auto& o : step.log) label += "* " + escape(format_observation(o)) + "\\l";
  return label;
}

/// The lanes a step's arrows go to from its thread: those it changed, and the device
/// of a submission.
std::vector<std::string> targets(const Changes& ch, const TraceStep& step, std::size_t i,
                                 const std::string& actor) {
  std::vector<std::string> out;
  for (const auto& [lane, text] : ch[i])
    if (lane != actor) out.push_back(lane);
  for (const auto& o : step.log)
    if (o.kind == Seen::submit && o.dev != kNone) out.push_back("dev" + std::to_string(o.dev));
  return out;
}

void write_row(std::ostream& out, const std::vector<std::string>& lanes, const Changes& ch,
               const TraceStep& step, std::size_t i) {
  std::string actor = step.args.thread == kNone ? "" : "t" + std::to_string(step.args.thread);
  out << "  {\n    rank=same;\n    e" << i << " [label=\"" << event_label(step, i)
      << "\", shape=box, style=filled, fillcolor=\"#fff6d5\"];\n";
  for (const auto& l : lanes) {
    auto it = ch[i].find(l);
    if (it != ch[i].end())
      out << "    " << cell(i, l) << " [label=\"" << it->second << "\", shape=box, fontsize=9];\n";
    else if (l == actor)  // the thread that acts, though it changed nothing of its own
      out << "    " << cell(i, l) << " [label=\"\", shape=point, width=0.09, color=\"#3465a4\"];\n";
    else
      out << "    " << cell(i, l) << " [label=\"\", shape=point, width=0.04];\n";
  }
  out << "  }\n";
  if (actor.empty()) return;
  for (const auto& lane : targets(ch, step, i, actor))
    out << "  " << cell(i, actor) << " -> " << cell(i, lane)
        << " [color=\"#3465a4\", constraint=false];\n";
}

void write_lifelines(std::ostream& out, const std::vector<std::string>& lanes, std::size_t rows) {
  for (std::size_t i = 0; i + 1 < rows; ++i) {
    out << "  e" << i << " -> e" << i + 1 << " [style=invis, weight=100];\n";
    for (const auto& l : lanes)
      out << "  " << cell(i, l) << " -> " << cell(i + 1, l)
          << " [style=dashed, color=gray60, arrowhead=none, weight=100];\n";
  }
}

}  // namespace

void write_dot(std::ostream& out, const Problem& pb, const Counterexample& cex) {
  Changes ch = changes(pb, cex);
  std::vector<std::string> ls = lanes(pb, cex, ch);
  out << "digraph counterexample {\n";
  out << "  graph [newrank=true, nodesep=0.12, ranksep=0.1, fontname=\"Helvetica\"];\n";
  out << "  node [fontname=\"Helvetica\", fontsize=10, margin=\"0.06,0.02\", height=0.2];\n";
  out << "  edge [arrowsize=0.6];\n";
  write_header(out, ls);
  for (std::size_t i = 1; i <= cex.steps.size(); ++i) write_row(out, ls, ch, cex.steps[i - 1], i);
  write_lifelines(out, ls, cex.steps.size() + 1);
  std::string broken;
  for (int b : cex.broken) {
    const Property& p = pb.invariants[static_cast<unsigned>(b)];
    broken += "broken: " + escape(p.name) + "\\l" + escape(p.statement) + "\\l";
  }
  out << "  bad [label=\"" << broken << "\", shape=box, color=red, fontcolor=red, penwidth=2];\n";
  out << "  e" << cex.steps.size() << " -> bad [color=red, penwidth=2];\n";
  out << "}\n";
}

}  // namespace pasid
