#!/usr/bin/env bash
# The explicit engine as the bounds grow, symmetry off: for each row of bounds, the states,
# their growth over the row before, transitions, depth, seconds, states/s (and per thread),
# bytes/state and peak memory.  The last two rows reach 0.9 and 1.5 x 10^8 states: about
# 6 and 9 minutes and 1.5 and 2.7 GB on 2 cores (the first five take under a minute).
# The design is 5.18 with the default spec's invariants.
#   bash bench/growth.sh [build-dir] [threads] [rows]   (defaults: build, 2, all 7)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/checker/pasidcheck"
threads=${2:-2}
# threads processes mms devices files pasids
rows=("2 1 1 1 1 1" "3 2 2 1 1 1" "3 2 2 1 2 1" "3 2 2 1 2 2" "4 2 2 1 2 2" "4 3 2 1 2 2"
  "4 3 3 1 2 1")
n=${3:-${#rows[@]}}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
invariants=$(python3 -c 'import json; print(json.dumps(json.load(open("specs/v5.18-default.json"))["invariants"]))')
printf '%-13s %11s %7s %12s %5s %8s %9s %9s %7s %9s\n' "bounds" states growth transitions \
  depth seconds states/s "per thr" B/state "peak MiB"
for row in "${rows[@]:0:$n}"; do
  read -r t p m d f a <<< "$row"
  spec="$tmp/spec.json"
  cat > "$spec" <<JSON
{"variant": "v5.18", "invariants": $invariants,
 "bounds": {"threads": $t, "processes": $p, "mms": $m, "devices": $d, "files": $f, "pasids": $a}}
JSON
  "$bin" check --quiet --no-symmetry --threads "$threads" --json "$tmp/out.json" "$spec" || true
  python3 - "$tmp/out.json" "$row" "$tmp/prev" "$threads" <<'PY'
import json, os, sys
s = json.load(open(sys.argv[1]))["statistics"]
prev = int(open(sys.argv[3]).read()) if os.path.exists(sys.argv[3]) else 0
threads = int(sys.argv[4])
growth = "%.1fx" % (s["states"] / prev) if prev else "-"
rate = s["states_per_second"]
print("%-13s %11d %7s %12d %5d %8.1f %9.0f %9.0f %7d %9.0f" % (
    sys.argv[2], s["states"], growth, s["transitions"], s["depth"], s["seconds"], rate,
    rate / threads, s["bytes_per_state"], s["peak_memory_bytes"] / 2**20))
open(sys.argv[3], "w").write(str(s["states"]))
PY
done
