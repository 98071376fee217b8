#include "ftrace_writer.hpp"

#include <array>
#include <cstdarg>
#include <cstdio>
#include <iterator>

#include "model/rules.hpp"

namespace pasid::replay {

namespace {

constexpr unsigned long long kMmBase = 0xffff888100000000ULL;
constexpr unsigned long long kDevBase = 0xffff888200000000ULL;
constexpr long long kPortal = 0x7f0000000000LL;

/// Prints the lines of one path, keeping the kernel names of the model's slots.
class Printer {
 public:
  Printer(const Problem& pb, ExitLayout layout, WrittenTrace& out)
      : pb_(pb), layout_(layout), out_(out) {
    pid_.fill(0);
    mm_.fill(0);
    pid_[0] = next_pid_++;
    mm_[0] = next_mm_++;
  }

  void step(const State<Concrete>& pre, const TraceStep& st);

 private:
  const Problem& pb_;
  ExitLayout layout_;
  WrittenTrace& out_;
  std::array<int, kMaxThreads> pid_{};
  std::array<unsigned long long, kMaxMms> mm_{};
  int next_pid_ = 100;
  unsigned long long next_mm_ = 1;
  long long micros_ = 100'000'000;  // 100 s after boot
  int lines_ = 0;

  void line(int pid, const char* flags, const char* fmt, ...) __attribute__((format(printf, 4, 5)));
  unsigned long long mm_ptr(int m) const { return kMmBase + mm_[m] * 0x1000; }
  int fd(int f) const { return 3 + f; }
  /// sched_process_exit of thread j; `last`: the last of its thread group to exit.
  void exit_line(int j, bool last);
  void task_lines(const State<Concrete>& pre, const TraceStep& st, int t);
  void after_lines(const State<Concrete>& pre, const TraceStep& st, int t);
};

void Printer::line(int pid, const char* flags, const char* fmt, ...) {
  char event[256];
  va_list ap;
  va_start(ap, fmt);
  std::vsnprintf(event, sizeof event, fmt, ap);
  va_end(ap);
  micros_ += 10;
  char text[400];
  std::snprintf(text, sizeof text, "%16s-%-7d [000] %s %5lld.%06lld: %s\n", "wl", pid, flags,
                micros_ / 1'000'000, micros_ % 1'000'000, event);
  out_.text += text;
  ++lines_;
}

void Printer::exit_line(int j, bool last) {
  if (layout_ == ExitLayout::linux_5_18)
    line(pid_[j], ".....", "sched_process_exit: comm=wl pid=%d prio=120", pid_[j]);
  else
    line(pid_[j], ".....", "sched_process_exit: comm=wl pid=%d prio=120 group_dead=%s", pid_[j],
         last ? "true" : "false");
}

void Printer::step(const State<Concrete>& pre, const TraceStep& st) {
  const Args<Concrete>& a = st.args;
  int t = a.thread;
  int pid = pid_[t];
  int proc = pre.threads[t].proc;
  int mm = pre.procs[proc].mm;
  const int r = st.rule;
  if (r == rule_index<Open>()) {
    line(pid, "...1.", "sys_openat(dfd: ffffff9c, filename: 7ffd0000, flags: 2, mode: 0)");
    line(pid, ".....",
         "iommu_sva_bind_device: (iommu_sva_bind_device+0x0/0x1b0) dev=0x%llx mm=0x%llx",
         kDevBase + static_cast<unsigned long long>(a.device) * 0x1000, mm_ptr(mm));
    out_.step_lines.push_back(lines_);
    line(pid, ".....",
         "iommu_sva_get_pasid: (idxd_cdev_open+0x1a5/0x3f0 <- iommu_sva_get_pasid) pasid=0x%x",
         st.after.mms[mm].pasid);
    line(pid, "...1.", "sys_openat -> 0x%x", fd(a.new_file));
  } else if (r == rule_index<Mmap>()) {
    line(pid, "...1.", "sys_mmap(addr: 0, len: 1000, prot: 3, flags: 1, fd: %x, off: 0)",
         fd(a.file));
    line(pid, "...1.", "sys_mmap -> 0x%llx", kPortal + (a.file + 1) * 0x1000LL);
    out_.step_lines.push_back(lines_);
  } else if (r == rule_index<Munmap>()) {
    line(pid, "...1.", "sys_munmap(addr: %llx, len: 1000)", kPortal + (a.file + 1) * 0x1000LL);
    out_.step_lines.push_back(lines_);
  } else if (r == rule_index<Close>()) {
    line(pid, "...1.", "sys_close(fd: %x)", fd(a.file));
    out_.step_lines.push_back(lines_);
  } else if (r == rule_index<Enqcmd>()) {
    line(pid, ".....", "tracing_mark_write: enqcmd");
    out_.step_lines.push_back(lines_);
  } else if (r == rule_index<GpFixup>()) {
    line(pid, "d....", "write_msr: d93, value %x",
         0x80000000u | unsigned(st.after.threads[t].msr_pasid));
    out_.step_lines.push_back(lines_);
  } else if (r == rule_index<EnableLam>()) {
    line(pid, "...1.", "sys_arch_prctl(option: 4002, arg2: 6)");  // ARCH_ENABLE_TAGGED_ADDR
    line(pid, "...1.", "sys_arch_prctl -> 0x0");
    out_.step_lines.push_back(lines_);
  } else if (r == rule_index<Sigsegv>()) {
    line(pid, "d....", "signal_generate: sig=11 errno=0 code=128 comm=wl pid=%d grp=1 res=0", pid);
    out_.step_lines.push_back(lines_);
  } else {
    task_lines(pre, st, t);
  }
  after_lines(pre, st, t);
}

/// Task creation, exec and exit.
void Printer::task_lines(const State<Concrete>& pre, const TraceStep& st, int t) {
  const Args<Concrete>& a = st.args;
  int pid = pid_[t];
  const int r = st.rule;
  int mm = pre.procs[pre.threads[t].proc].mm;
  if (r == rule_index<Clone>() || r == rule_index<CloneVm>() || r == rule_index<Fork>()) {
    int child = next_pid_++;
    pid_[a.new_thread] = child;
    unsigned flags = r == rule_index<Clone>()     ? 0x3d0f00
                     : r == rule_index<CloneVm>() ? 0x4100
                                                  : 0x1200000;
    line(pid, ".....",
         "x86_fpu_copy_dst: x86/fpu: 00000000deadbeef load: 0 xfeatures: %x xcomp_bv: "
         "80000000000000e7",
         st.after.threads[a.new_thread].msr_valid ? 0x4a2 : 0xa2);
    line(pid, ".....", "task_newtask: pid=%d comm=wl clone_flags=%x oom_score_adj=0", child, flags);
    out_.step_lines.push_back(lines_);
    line(pid, ".....", "sched_process_fork: comm=wl pid=%d child_comm=wl child_pid=%d", pid, child);
  } else if (r == rule_index<Exec>()) {
    for (int j = 0; j < pb_.bounds.threads; ++j)  // de_thread(): the exec'ing thread stays
      if (j != t && in_process(pre, j, pre.threads[t].proc)) exit_line(j, false);
    line(pid, ".....", "exec_mm_release: (exec_mm_release+0x0/0x20) mm=0x%llx", mm_ptr(mm));
    line(pid, ".....", "sched_process_exec: filename=/bin/wl pid=%d old_pid=%d", pid, pid);
    out_.step_lines.push_back(lines_);
  } else {  // thread_exit: the exit line makes the step
    const bool last = process_threads(pre, pb_.bounds, pre.threads[t].proc) == 1;
    auto mm_release = [&] {
      line(pid, ".....", "exit_mm_release: (exit_mm_release+0x0/0x20) mm=0x%llx", mm_ptr(mm));
    };
    if (layout_ == ExitLayout::linux_5_18) mm_release();
    exit_line(t, last);
    out_.step_lines.push_back(lines_);
    if (layout_ == ExitLayout::linux_6_16) mm_release();
  }
}

/// What the kernel prints after the step's own lines: the exits SIGSEGV caused, unbinds,
/// PASID frees, and the mms freed.
void Printer::after_lines(const State<Concrete>& pre, const TraceStep& st, int t) {
  const int r = st.rule;
  if (r == rule_index<Sigsegv>()) {  // the group dies: the last thread printed is its last
    int last = kNone;
    for (int j = 0; j < pb_.bounds.threads; ++j)
      if (pre.threads[j].alive && !st.after.threads[j].alive) last = j;
    for (int j = 0; j < pb_.bounds.threads; ++j)
      if (pre.threads[j].alive && !st.after.threads[j].alive) exit_line(j, j == last);
  }
  for (const auto& o : st.log) {
    if (o.kind == Seen::unbind)
      line(pid_[t], ".....",
           "iommu_sva_unbind_device: (iommu_sva_unbind_device+0x0/0x90) handle=0xffff888104f0a000");
    if (o.kind == Seen::pasid_free)
      line(pid_[t], ".....", "ioasid_free: (ioasid_free+0x0/0x60) ioasid=0x%x", o.pasid);
  }
  for (int m = 0; m < pb_.bounds.mms; ++m) {
    if (pre.mms[m].count != 0 && st.after.mms[m].count == 0)
      line(pid_[t], ".....", "__mmdrop: (__mmdrop+0x0/0x130) mm=0x%llx", mm_ptr(m));
    if (pre.mms[m].count == 0 && st.after.mms[m].count != 0) mm_[m] = next_mm_++;
  }
}

}  // namespace

ExitLayout default_layout(std::string_view variant) {
  return variant == "v6.19-early" ? ExitLayout::linux_6_16 : ExitLayout::linux_5_18;
}

std::optional<ExitLayout> layout_named(std::string_view mapping) {
  for (std::size_t k = 0; k < std::size(kLayoutNames); ++k)
    if (mapping == kLayoutNames[k]) return static_cast<ExitLayout>(k);
  return std::nullopt;
}

WrittenTrace write_ftrace(const Problem& pb, const Counterexample& cex, ExitLayout layout) {
  WrittenTrace out;
  for (const TraceStep& st : cex.steps)
    // The rules after thread_exit but enable_lam have no trace form (design A's).
    if (st.rule > rule_index<ThreadExit>() && st.rule != rule_index<EnableLam>()) {
      out.unprintable = rule_info(st.rule).name;
      return out;
    }
  out.text +=
      "# tracer: nop\n"
      "#\n"
      "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
      "#              | |         |   |||||     |         |\n";
  constexpr int kHeaderLines = 4;
  Printer p(pb, layout, out);
  const State<Concrete>* pre = &cex.initial;
  for (const TraceStep& st : cex.steps) {
    p.step(*pre, st);
    pre = &st.after;
  }
  for (int& l : out.step_lines) l += kHeaderLines;
  return out;
}

}  // namespace pasid::replay
