// pasidcheck: the command line.  Exit status: 0 every invariant holds (or, with --expect,
// the spec's expectation is met), 1 an invariant is violated (or the expectation is not
// met), 2 bad input, 3 unknown, 4 internal error.

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "checker/error.hpp"
#include "checker/explicit/explorer.hpp"
#include "checker/report/json.hpp"
#include "checker/report/text.hpp"
#include "checker/spec/spec.hpp"

namespace {

using namespace pasid;

enum Exit { kHolds = 0, kViolated = 1, kBadInput = 2, kUnknown = 3, kInternal = 4 };

struct CheckOptions {
  std::string spec;
  std::string json;
  bool expect = false;
  bool quiet = false;
  bool no_symmetry = false;
};

int exit_for(Verdict v) {
  switch (v) {
    case Verdict::holds:
      return kHolds;
    case Verdict::violated:
      return kViolated;
    case Verdict::unknown:
      return kUnknown;
  }
  return kInternal;
}

void write_json(const std::string& path, const Spec& spec, const Result& r) {
  std::ofstream out(path);
  if (!out) throw InputError(path, 0, 0, "cannot write the JSON result");
  out << result_json(spec, r).dump(2) << "\n";
}

int run_check(const CheckOptions& o) {
  Spec spec = read_spec(o.spec);
  if (o.expect && !spec.expect)
    throw InputError(o.spec, 0, 0, "--expect given, but the spec has no \"expect\"");
  spec.problem.symmetry = !o.no_symmetry;
  ExplicitEngine engine;
  Result r = engine.check(spec.problem);
  if (!o.quiet) std::cout << format_report(spec, r);
  if (!o.json.empty()) write_json(o.json, spec, r);
  if (!o.expect) return exit_for(r.verdict);
  std::string why = expectation_mismatch(*spec.expect, r);
  std::cout << spec.file << ": "
            << (why.empty() ? "expectation met" : "expectation NOT met: " + why) << "\n";
  return why.empty() ? kHolds : kViolated;
}

void run_list() {
  std::cout << "variants:\n";
  for (const auto& v : variants()) std::cout << "  " << v.name << "  " << v.summary << "\n";
  std::cout << "mutants:\n";
  for (const auto& m : mutants()) std::cout << "  " << m.name << "  " << m.summary << "\n";
  std::cout << "invariants:\n";
  for (int i = 0; i < kInvariantCount; ++i)
    std::cout << "  " << invariant_info(i).name << "  " << invariant_info(i).statement << "\n";
  std::cout << "rules:\n";
  for (int r = 0; r < kRuleCount; ++r)
    std::cout << "  " << rule_info(r).name << "  " << rule_info(r).summary << " ("
              << rule_info(r).kernel << ")\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pasidcheck: a model checker for the Linux x86 PASID lifecycle"};
  app.require_subcommand(1);
  CheckOptions check;
  CLI::App* cmd = app.add_subcommand("check", "check a spec exhaustively");
  cmd->add_option("spec", check.spec, "the spec file (JSON)")->required();
  cmd->add_option("--json", check.json, "also write the result as JSON to this file");
  cmd->add_flag("--expect", check.expect, "compare the result with the spec's \"expect\"");
  cmd->add_flag("-q,--quiet", check.quiet, "print nothing but errors (and --expect's line)");
  cmd->add_flag("--no-symmetry", check.no_symmetry,
                "store every state, not one per renaming of threads, processes, files, mms");
  CLI::App* list = app.add_subcommand("list", "list the variants, mutants, invariants and rules");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "pasidcheck: error: " << e.what() << "\n";
    return kBadInput;
  }
  try {
    if (list->parsed()) {
      run_list();
      return 0;
    }
    return run_check(check);
  } catch (const InputError& e) {
    std::cerr << e.formatted() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << "pasidcheck: internal error: " << e.what() << "\n";
    return kInternal;
  }
}
