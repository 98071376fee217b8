#!/usr/bin/env bash
# Prints the speedup of `check --threads 2` over one thread on each spec: the least wall
# time of ROUNDS runs of each, the two taking turns so that a busy moment on a shared
# machine hits both alike.
#   bash bench/threads.sh [build-dir] [rounds] [spec...]   (default: build, 3, v5.18-large)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rounds=${2:-3}
shift 2 || shift $#
specs=("$@")
((${#specs[@]})) || specs=(specs/v5.18-large.json)
bin="$build/checker/pasidcheck"
seconds() {  # the wall time of one run of "$@", in seconds
  local s e
  s=$(date +%s.%N)
  "$@" > /dev/null || true
  e=$(date +%s.%N)
  echo "$s $e" | awk '{printf "%.3f", $2 - $1}'
}
printf '%-24s %-14s %-12s %-12s %-8s\n' spec flags "1 thread s" "2 threads s" speedup
for spec in "${specs[@]}"; do
  for flags in "" "--no-symmetry"; do
    if [ -n "$flags" ] && [[ "$spec" == *large* ]] && [ -z "${BENCH_ALL:-}" ]; then continue; fi
    one=1e9 two=1e9
    for _ in $(seq "$rounds"); do
      # shellcheck disable=SC2086  # flags is empty or one word
      one=$(awk -v a="$one" -v b="$(seconds "$bin" check --quiet $flags --threads 1 "$spec")" \
        'BEGIN {print (b < a ? b : a)}')
      # shellcheck disable=SC2086
      two=$(awk -v a="$two" -v b="$(seconds "$bin" check --quiet $flags --threads 2 "$spec")" \
        'BEGIN {print (b < a ? b : a)}')
    done
    printf '%-24s %-14s %-12.2f %-12.2f %-8.2f\n' "$(basename "$spec")" "${flags:-}" "$one" "$two" \
      "$(awk -v a="$one" -v b="$two" 'BEGIN {print a / b}')"
  done
done
