// The counterexample to induction as the report prints it: the first state's fields that
// are not as they start, each step's changes, what breaks, and whether it was replayed.

#include "checker/report/cti.hpp"

#include <doctest/doctest.h>

using namespace pasid;

TEST_CASE("cti report: first state, steps and their changes, what breaks") {
  Problem pb;
  pb.bounds = {2, 1, 2, 1, 1, 1};  // threads, processes, mms, devices, files, pasids
  pb.invariants = {builtin_property(find_invariant("msr_matches_mm"))};
  InductionCti cti;
  const FieldId alive0{"t", 0, "alive"}, valid1{"t", 1, "msr_valid"}, msr1{"t", 1, "msr_pasid"};
  const FieldId value{"alloc", 1, "value"};
  cti.states = {{{alive0, 1}, {valid1, 1}, {msr1, 0}, {value, 77}},
                {{alive0, 1}, {valid1, 1}, {msr1, 0}, {value, 5}}};
  cti.steps = {"open(t1, dev0, f0, pasid 1) taking PASID 5"};
  cti.broken = {0};
  std::string text = format_cti(pb, cti);
  CHECK(text ==
        "counterexample to induction: 1 step from a state that keeps every invariant, perhaps "
        "unreachable\n"
        "  state 0 (the fields not as they start):\n"
        "       t1.msr_valid: 1\n"
        "       alloc.value[p1]: 77\n"
        "  1. open(t1, dev0, f0, pasid 1) taking PASID 5\n"
        "       alloc.value[p1]: 77 -> 5\n"
        "  broken: msr_matches_mm: a valid MSR, live or saved, holds the PASID of the thread's "
        "mm\n"
        "  (not replayed in the explicit model: a PASID value names no allocator entry, or a "
        "field is out of its range)\n");
  cti.replayed = true;
  CHECK(format_cti(pb, cti).find("(the explicit model takes the same steps and breaks the "
                                 "same)\n") != std::string::npos);
}
