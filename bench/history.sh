#!/usr/bin/env bash
# Prints the README's "Kernel history, checked" table: for each kernel design and known
# bug the model covers, the spec that checks it, the verdict, the invariants the
# counterexample's last step breaks, its length and the time to find it.
#   bash bench/history.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/checker/pasidcheck"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# spec | design | kernels | commit
rows=(
  "v5.18-merge-free-at-mmput|5.18 as merged (B3, exec keeps the bound fd)|5.18-rc1..rc5|701fac40384f"
  "v5.18-merge-exit-unbinds-freed-pasid|5.18 as merged (B3, exit with the fd bound)|5.18-rc1..rc5|701fac40384f"
  "v5.18-default|5.18 fixed|5.18-rc6 ..|2667ed10d9f0"
  "v5.18-b6-activated-survives-exec|5.18 fixed (B6)|5.18 ..|fa6af69f38d3"
  "v6.x-default|newest (iommu_mm, idxd mm check)|6.8 .. 6.19|8dfa57aabff6"
  "v6.x-b6-activated-survives-exec|newest (B6)|6.8 .. 6.19|(none: still there)"
  "mutant-bond-pins-users|B4: bonds pin mm_users|rejected, Apr 2022|(not merged)"
)
echo "| design | kernels | commit | spec | verdict | broken by the last step | length | seconds |"
echo "|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do
  IFS='|' read -r spec design kernels commit <<< "$row"
  "$bin" check --quiet --json "$out" "specs/$spec.json" || true
  python3 - "$out" "$spec" "$design" "$kernels" "$commit" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
spec, design, kernels, commit = sys.argv[2:]
cex = r.get("counterexample")
broken = ", ".join("`%s`" % b for b in cex["broken"]) if cex else "none"
length = str(cex["length"]) if cex else ""
print("| %s | %s | %s | `%s` | %s | %s | %s | %.2f |" % (
    design, kernels, commit, spec, r["verdict"], broken, length, r["statistics"]["seconds"]))
PY
done
