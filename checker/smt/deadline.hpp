#pragma once
// Wall-clock budget of an SMT engine, handed to each solver call as its time-out.

#include <z3++.h>

#include <algorithm>
#include <chrono>
#include <limits>

namespace pasid::smt {

class Deadline {
 public:
  explicit Deadline(double seconds) : limit_(seconds), start_(std::chrono::steady_clock::now()) {}

  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool expired() const { return limit_ > 0 && elapsed() >= limit_; }

  /// Sets the solver's time-out to what is left (none when there is no limit, which
  /// also lifts one set before).
  template <class Solver>
  void arm(z3::context& ctx, Solver& s) const {
    unsigned ms = std::numeric_limits<unsigned>::max();
    if (limit_ > 0) ms = static_cast<unsigned>(std::max(0.001, limit_ - elapsed()) * 1000);
    z3::params p(ctx);
    p.set("timeout", ms);
    s.set(p);
  }

  /// The reason for an unknown verdict from a solver that said `why`.
  std::string unknown_reason(const std::string& why) const {
    if (expired() || why == "timeout" || why == "canceled")
      return "time-out after " + std::to_string(static_cast<int>(limit_)) + " s";
    return "the solver gave up: " + why;
  }

 private:
  double limit_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace pasid::smt
