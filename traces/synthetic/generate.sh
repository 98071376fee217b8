#!/bin/sh
# Writes traces/synthetic/from-<spec>.trace for every violating spec in specs/: its shortest
# counterexample as the kernel would trace it (pasidcheck check --ftrace), headed by the
# expectation that replaying it breaks the same invariant at the last step's line.
#   sh traces/synthetic/generate.sh BUILD_DIR
set -eu
build=${1:?usage: generate.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
for spec in specs/*.json; do
  grep -q '"verdict": "violated"' "$spec" || continue
  grep -q '"variant": "v5.10"' "$spec" && continue  # design A: no trace mapping
  name=$(basename "$spec" .json)
  "$build/checker/pasidcheck" check --quiet --ftrace "traces/synthetic/from-$name.trace" "$spec" || true
done
