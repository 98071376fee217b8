#pragma once
// Replays kernel actions against the model.  The replay keeps every model state (with its
// kernel names) that explains the trace so far: usually one, more when a line leaves a
// choice open (which portal a fixup went through).  Each action becomes a model step, a
// binding of names, or a kernel observation (unbind, PASID free, mm freed) that a model
// step must explain, before or after the line, as the kernel's order of printing allows.
//
//   conforms   every line is explained, and no invariant broke;
//   diverges   a line that no model step explains: where the kernel left the model;
//   violates   every explanation left breaks an invariant (at the line where it did).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "checker/engine.hpp"
#include "checker/explicit/instances.hpp"
#include "checker/explicit/invariant_set.hpp"
#include "event.hpp"
#include "names.hpp"
#include "state_memo.hpp"

namespace pasid::replay {

enum class ReplayVerdict { conforms, diverges, violates };
const char* verdict_name(ReplayVerdict v);

struct ReplayOptions {
  std::int64_t root_pid = 0;    ///< the workload's first task; 0: the first line's task
  std::vector<int> unobserved;  ///< rules that may run without a line (mapping.hpp)
  bool record = false;          ///< keep each hypothesis's path for a counterexample
  std::string file;             ///< the trace, for errors about the trace itself
  /// While one explanation stands, step it in place instead of a copy of it.  A line it
  /// cannot explain then leaves it half-changed: the result says `retrace`, and the same
  /// lines replayed without this option say why.
  bool in_place = false;
};

struct ReplayResult {
  ReplayVerdict verdict = ReplayVerdict::conforms;
  std::int64_t line = 0;        ///< diverges, violates: the line
  std::int64_t stopped_at = 0;  ///< the line after which the replay stopped
  std::string message;          ///< diverges: what the line shows and what the model allows
  int invariant = -1;           ///< violates: the first broken invariant (position in the problem)
  std::uint64_t broken = 0;     ///< violates: every invariant the line breaks, as bits
  std::int64_t steps = 0;       ///< model steps taken
  std::int64_t observations = 0;         ///< kernel observations explained by a model step
  std::int64_t events = 0;               ///< actions read from the trace
  std::int64_t ignored = 0;              ///< of those, about tasks or files outside the model
  std::vector<Instance> path;            ///< with `record`: the model steps up to the verdict
  std::vector<std::int64_t> path_lines;  ///< the trace line of each step
  bool retrace = false;  ///< diverges in place: `message` is empty (ReplayOptions::in_place)
};

class Replayer {
 public:
  Replayer(const Problem& pb, ReplayOptions options);

  /// Takes one action; false once the verdict is no longer `conforms`.
  bool feed(const TraceEvent& e);
  /// The verdict after the last action (lines still unexplained make it diverge).
  ReplayResult finish();

  struct Hyp {
    State<Concrete> s;
    Names n;
    int path = -1;  ///< the last step in the path arena, with `record`
    std::int64_t steps = 0;
    std::int64_t observations = 0;
    /// The first line whose step broke an invariant (0: none yet), what it broke, and
    /// where its path stood then.  Such an explanation is kept while others live: a later
    /// line may rule them out.
    std::int64_t broke_at = 0;
    std::uint64_t broke = 0;
    int broke_path = -1;
    std::uint64_t broken_now = 0;  ///< invariants the current line's steps broke
  };

 private:
  struct Node {
    int parent;
    Instance step;
    std::int64_t line;
  };

  const Problem& pb_;
  ReplayOptions o_;
  std::vector<Hyp> frontier_;
  std::vector<Hyp> next_;
  std::vector<Node> arena_;
  Log<Concrete> log_;   ///< the last step's observations
  std::string reason_;  ///< why the first hypothesis could not take the last action
  ReplayResult r_;
  std::uint64_t range_invariant_ = 0;  ///< the bit of pasid_in_range, if checked
  InvariantSet step_invariants_;       ///< the invariants that read the step
  InvariantSet state_invariants_;      ///< ... and those that read only the state after it
  StateMemo memo_;                     ///< the latter's verdicts on recent states
  bool started_ = false;
  bool ignored_ = false;  ///< the last action was about something outside the model

  // acts.cpp: one handler per kind of action; each returns whether x explains it.
  void expand(const Hyp& h, const TraceEvent& e);
  /// The thread whose portals a line of action e uses, when it may have taken any of them
  /// (one successor each); kNone when the line leaves no choice.
  int chooser(const Hyp& h, const TraceEvent& e, int t) const;
  void choose(const Hyp& h, const TraceEvent& e, int t, int target);
  bool explain(Hyp& x, const TraceEvent& e, int t);
  static Hyp fresh(const Hyp& h) {
    Hyp x = h;
    x.broken_now = 0;
    return x;
  }
  bool ignore();
  bool portal_steps(const Hyp& h, const TraceEvent& e, int t, int rule);
  bool task_new(Hyp& x, const TraceEvent& e, int t);
  bool exec(Hyp& x, const TraceEvent& e);
  bool exit(Hyp& x, const TraceEvent& e);
  void bind(const Hyp& h, const TraceEvent& e, int t);
  int device_of(Names& n, const TraceEvent& e);
  bool files(Hyp& x, const TraceEvent& e, int t);
  bool lam(Hyp& x, const TraceEvent& e, int t);
  bool observe(Hyp& x, const TraceEvent& e, Seen kind);
  bool msr_write(const Hyp& h, const TraceEvent& e, int t);
  bool name_pasid(Hyp& x, int p, std::int64_t value);
  bool name_mm(Hyp& x, const TraceEvent& e);
  bool drop_mm(Hyp& x, const TraceEvent& e);
  // replayer.cpp
  bool step(Hyp& x, int rule, const Args<Concrete>& a, const TraceEvent& e);
  /// Which of the invariants in `set` the step pre --log--> post breaks, as bits by
  /// position in the problem.
  static std::uint64_t broken(const InvariantSet& set, const State<Concrete>& pre,
                              const Log<Concrete>& log, const State<Concrete>& post);
  bool settle(Hyp& x, std::int64_t task, const Log<Concrete>& log);
  bool feed_in_place(const TraceEvent& e, int t);
  /// After line e: notes what each explanation broke; false (verdict `violates`) when
  /// every explanation left has broken an invariant.
  bool judge(const TraceEvent& e);
  void fail(const std::string& why);
  /// The trace has more live objects of a kind (`what`: "tasks alive", "devices", ...)
  /// than the model has slots: bad input, not a verdict.
  [[noreturn]] void out_of_slots(const TraceEvent& e, const char* what, int slots) const;
  std::string allowed(const Hyp& h, int t) const;
  void diverge(const TraceEvent& e);
};

}  // namespace pasid::replay
