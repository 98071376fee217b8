#!/usr/bin/env bash
# Instructions the explicit engine executes per spec, counted by callgrind: unlike the wall
# time on a shared machine, the count does not vary from run to run, so it shows what a
# change to the inner loop gained.  One thread, with and without symmetry reduction.
#   bash bench/instructions.sh [build-dir] [spec...]   (default: build, v5.18-default)
# Without symmetry the default spec takes about a minute under callgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
specs=("$@")
((${#specs[@]})) || specs=(specs/v5.18-default.json)
bin="$build/checker/pasidcheck"
command -v valgrind > /dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-28s %-9s %12s %16s %12s\n' spec symmetry transitions instructions "per transition"
for spec in "${specs[@]}"; do
  for mode in on off; do
    flag=""
    [ "$mode" = off ] && flag="--no-symmetry"
    valgrind --tool=callgrind --callgrind-out-file="$tmp/out" "$bin" check --quiet --threads 1 \
      $flag --json "$tmp/result.json" "$spec" > /dev/null 2> "$tmp/err" || true
    ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/err")
    python3 - "$tmp/result.json" "$(basename "$spec")" "$mode" "$ir" <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))["statistics"]["transitions"]
ir = int(sys.argv[4])
print("%-28s %-9s %12d %16d %12.0f" % (sys.argv[2], sys.argv[3], t, ir, ir / t))
PY
  done
done
