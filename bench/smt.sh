#!/usr/bin/env bash
# The SMT engines on each invariant of a spec (default: 5.18 at the default bounds): the
# time kind and pdr take to prove it (or what they said instead), and BMC's time per depth.
#   bash bench/smt.sh [build-dir] [spec] [timeout-seconds] [bmc-depth] [threads]
# Defaults: build, specs/v5.18-default.json, 60, 30, 2 (kind and pdr prove their candidate
# facts on this many threads).  PASIDs are 20-bit values throughout.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
spec=${2:-specs/v5.18-default.json}
timeout=${3:-60}
depth=${4:-30}
threads=${5:-2}
bin="$build/checker/pasidcheck"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
invariants=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(" ".join(d["invariants"]) if isinstance(d["invariants"], list) else "")' "$spec")
[ -n "$invariants" ] || invariants=$("$bin" list | sed -n '/^invariants:/,/^rules:/p' | awk 'NF>1 {print $1}')
summary() {  # engine verdict and seconds from a result file
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
v = r["verdict"] + ("" if r["verdict"] != "unknown" else " (" + r["reason"][:60] + ")")
print("%-70s %8.2f" % (v, r["statistics"]["seconds"]))
PY
}
echo "spec: $spec; time-out ${timeout} s per engine and invariant; kind and pdr on $threads threads"
printf '%-22s %-6s %-70s %8s\n' invariant engine verdict seconds
for inv in $invariants; do
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["invariants"]=[sys.argv[2]]; d.pop("expect",None); json.dump(d,open(sys.argv[3],"w"))' \
    "$spec" "$inv" "$dir/spec.json"
  for engine in kind pdr; do
    "$bin" check --quiet --engine "$engine" --threads "$threads" --depth 10 --timeout "$timeout" --json "$dir/r.json" "$dir/spec.json" || true
    printf '%-22s %-6s %s\n' "$inv" "$engine" "$(summary "$dir/r.json")"
  done
done
echo
echo "bmc, all invariants of the spec, time to finish each depth (time-out ${timeout}0 s):"
"$bin" check --quiet --engine bmc --depth "$depth" --timeout "${timeout}0" --json "$dir/r.json" "$spec" || true
python3 - "$dir/r.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
last = 0.0
for k, t in enumerate(r.get("depth_seconds", []), 1):
    print("  depth %2d  %8.2f s  (+%.2f)" % (k, t, t - last))
    last = t
print("  " + r["verdict"] + (": " + r["reason"] if r["verdict"] == "unknown" else ""))
PY
