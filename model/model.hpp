#pragma once
// pasidcheck's model of the x86 PASID lifecycle (Linux 5.18 and its variants).
//
// The lifecycle of one PASID, 5.18-rc6 and later:
//
//   open(dev) ──► bind: mm has no PASID? allocate p, mm.pasid = p
//      │          bond(dev, mm)++ (first bond: mmgrab, mm_count++), table[p] = mm
//      ▼
//   enqcmd ──► MSR valid? ── yes ──► the device gets a descriptor tagged p
//      │                    no
//      ▼
//   #GP fixup: mm.pasid valid and !pasid_activated ──► MSR = p|VALID, flag = 1, retry
//             otherwise ──► SIGSEGV (the thread group dies)
//
//   clone / fork ──► child MSR clear, flag 0 (fork: new mm, no PASID; fds shared)
//   exec         ──► new mm, no PASID; MSR clear; flag kept (B6)
//
//   last user exits ──► __mmput: portals unmapped, table entries torn down, mm_count--
//   last close/munmap of the file ──► unbind: bond--, at 0 mmdrop (mm_count--)
//   mm_count == 0 ──► __mmdrop: p returns to the allocator          (only here)
//
// Everything is written once, over a value domain (domain.hpp): the explicit engine runs
// it on concrete values, the SMT engines on z3 terms.  A worked example, compiled as a
// test (tests/unit/model/model_test.cpp):
//
//   using namespace pasid;
//   Bounds b;                              // 3 threads, 2 processes, 1 device, 2 PASIDs
//   Design design;                         // v5.18
//   State<Concrete> s = initial_state<Concrete>();
//   Log<Concrete> log;
//   Step<Concrete> st(s, b, design, log);
//   Args<Concrete> a;
//   a.thread = 0; a.device = 0; a.new_file = 0; a.pasid = 1;
//   assert(Open::guard(s, b, design, a));
//   Open::effect(st, a);                   // mm0.pasid == 1, mm0.count == 2
//   a.file = 0;
//   Mmap::effect(st, a);                   // mm0 maps the portal of file 0
//   GpFixup::effect(st, a);                // t0's MSR = 1|VALID, t0.activated
//
// Rules: rules.hpp (one file per event in events/).  Invariants: invariants.hpp (one file
// each in invariants/).  Designs: design.hpp and catalog.hpp.

#include "catalog.hpp"
#include "fields.hpp"
#include "invariants.hpp"
#include "lemmas.hpp"
#include "property.hpp"
#include "rules.hpp"
