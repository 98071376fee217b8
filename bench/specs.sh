#!/usr/bin/env bash
# Prints states, transitions, depth, seconds, states/s, generated/s (successors computed a
# second, stored or not: SPIN's stored plus matched, TLC's "states generated"), peak memory
# and bytes/state of the explicit engine on each spec, with and without symmetry reduction,
# on one thread: the rate per core (bench/threads.sh gives the speedup of two).
#   bash bench/specs.sh [build-dir] [spec...]        (default: build, the two 5.18 specs)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
specs=("$@")
((${#specs[@]})) || specs=(specs/v5.18-default.json specs/v5.18-large.json)
bin="$build/checker/pasidcheck"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
printf '%-36s %-9s %10s %12s %5s %9s %10s %12s %9s %7s\n' spec symmetry states transitions \
  depth seconds states/s generated/s "peak MiB" "B/state"
for spec in "${specs[@]}"; do
  for mode in on off; do
    flag=""
    [ "$mode" = off ] && flag="--no-symmetry"
    # Without symmetry the larger spec needs far more memory and time: opt in with BENCH_ALL=1.
    if [ "$mode" = off ] && [[ "$spec" == *large* ]] && [ -z "${BENCH_ALL:-}" ]; then continue; fi
    "$bin" check --quiet --threads 1 $flag --json "$out" "$spec" || true
    python3 - "$out" "$spec" "$mode" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["statistics"]
print("%-36s %-9s %10d %12d %5d %9.2f %10.0f %12.0f %9.1f %7d" % (
    sys.argv[2].split("/")[-1], sys.argv[3], r["states"], r["transitions"], r["depth"],
    r["seconds"], r["states_per_second"], r["generated_per_second"],
    r["peak_memory_bytes"] / 2**20, r["bytes_per_state"]))
PY
  done
done
