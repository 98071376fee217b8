#!/usr/bin/env bash
# Generates an ftrace trace of LINES lines (default 10 million, about 1 GB) that the model
# explains, and prints how fast `pasidcheck replay` reads it next to `wc -l` on the same
# file (the best of three runs of each, the file in the page cache).
#   bash bench/replay.sh [build-dir] [lines] [trace-file]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
lines=${2:-10000000}
trace=${3:-${TMPDIR:-/tmp}/pasidcheck-bench-$lines.trace}
bin="$build/checker/pasidcheck"
if [ ! -s "$trace" ]; then
  echo "writing $trace ..."
  awk -v LINES="$lines" -f bench/gen_trace.awk > "$trace"
fi
best() {  # the least wall time of three runs of "$@", in seconds
  local b=""
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    b=$(echo "$s $e ${b:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
  done
  echo "$b"
}
cat "$trace" > /dev/null  # into the page cache
n=$(wc -l < "$trace")
bytes=$(stat -c %s "$trace")
wc_s=$(best wc -l "$trace")
replay_s=$(best "$bin" replay --quiet "$trace")
rss=$( { /usr/bin/time -f %M "$bin" replay --quiet "$trace" > /dev/null; } 2>&1 )
"$bin" replay "$trace" | sed -n 2p
printf '%-12s %-10s %-9s %-10s %-14s %-10s %-9s\n' lines MB "wc -l s" "replay s" "events/s" "x wc -l" "peak MiB"
awk -v n="$n" -v b="$bytes" -v w="$wc_s" -v r="$replay_s" -v m="$rss" 'BEGIN {
  printf "%-12d %-10.0f %-9.3f %-10.3f %-14.0f %-10.1f %-9.1f\n", n, b / 1e6, w, r, n / r, r / w, m / 1024 }'
