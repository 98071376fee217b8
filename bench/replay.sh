#!/usr/bin/env bash
# Generates an ftrace trace of LINES lines (default 10 million, about 1 GB) that the model
# explains, and prints how fast `pasidcheck replay` reads it next to `wc -l` on the same
# file in the page cache: the least of ROUNDS runs of each (default 5), `wc -l` and the
# replay taking turns, so that a busy moment of a shared machine slows both alike.  The
# replay reads on every core (at most 4); `1 thread s` is the same with --threads 1.
#   bash bench/replay.sh [build-dir] [lines] [trace-file] [rounds]
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
rounds=${4:-5}
seconds() {  # the wall time of one run of "$@"
  local s e
  s=$(date +%s.%N)
  "$@" > /dev/null
  e=$(date +%s.%N)
  echo "$s $e" | awk '{print $2 - $1}'
}
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
cat "$trace" > /dev/null  # into the page cache
n=$(wc -l < "$trace")
bytes=$(stat -c %s "$trace")
wc_s="" replay_s="" one_s=""
for _ in $(seq "$rounds"); do
  wc_s=$(least "$wc_s" "$(seconds wc -l "$trace")")
  replay_s=$(least "$replay_s" "$(seconds "$bin" replay --quiet "$trace")")
  one_s=$(least "$one_s" "$(seconds "$bin" replay --quiet --threads 1 "$trace")")
done
rss=$( { /usr/bin/time -f %M "$bin" replay --quiet "$trace" > /dev/null; } 2>&1 )
"$bin" replay "$trace" | sed -n 2p
printf '%-12s %-10s %-9s %-10s %-14s %-10s %-12s %-9s\n' lines MB "wc -l s" "replay s" "events/s" "x wc -l" \
  "1 thread s" "peak MiB"
awk -v n="$n" -v b="$bytes" -v w="$wc_s" -v r="$replay_s" -v o="$one_s" -v m="$rss" 'BEGIN {
  printf "%-12d %-10.0f %-9.3f %-10.3f %-14.0f %-10.1f %-12.3f %-9.1f\n", n, b / 1e6, w, r, n / r, r / w, o,
    m / 1024 }'
