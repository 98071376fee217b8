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
  "v5.10-b2-msr-after-free|2020 (B2: ioasid_free before the IPI)|5.10 .. 5.12|20f0afd1fb3d"
  "v5.10-b2-stale-submit|2020 (B2: a submission in the window)|5.10 .. 5.12|20f0afd1fb3d"
  "v5.10-b1-lost-update|2020, B2's order reversed (B1: IPI lost in fpregs_lock)|5.10 .. 5.12|9bfecd058339 removed it"
  "v5.10-b1-lost-update-submit|2020, B2's order reversed (B1, then ENQCMD)|5.10 .. 5.12|9bfecd058339 removed it"
  "v5.10-b1-lost-load|2020 (B1 at the bind: SIGSEGV)|5.10 .. 5.12|9bfecd058339 removed it"
  "v5.10-thread-inherits-msr|2020 by intent (threads inherit the MSR)|5.10 .. 5.12|20f0afd1fb3d"
  "v5.10-free-at-last-unbind|2020 by intent (free at the last unbind)|5.10 .. 5.12|20f0afd1fb3d"
  "v5.10-default|2020: the invariants it keeps|5.10 .. 5.12|20f0afd1fb3d"
  "mutant-single-put|B5: a reference per bind, one put|about 5.13 .. 5.15|4048377414162"
  "mutant-single-put-never-freed|B5 as a leak|about 5.13 .. 5.15|4048377414162"
  "v5.18-merge-free-at-mmput|5.18 as merged (B3, exec keeps the bound fd)|5.18-rc1..rc5|701fac40384f"
  "v5.18-merge-exit-unbinds-freed-pasid|5.18 as merged (B3, exit with the fd bound)|5.18-rc1..rc5|701fac40384f"
  "v5.18-default|5.18 fixed|5.18-rc6 ..|2667ed10d9f0"
  "v5.18-b6-activated-survives-exec|5.18 fixed (B6)|5.18 ..|fa6af69f38d3"
  "v6.x-default|newest (iommu_mm, idxd mm check)|6.8 .. 6.19|8dfa57aabff6"
  "v6.x-b6-activated-survives-exec|newest (B6)|6.8 .. 6.19|(none: still there)"
  "mutant-bond-pins-users|B4: bonds pin mm_users|rejected, Apr 2022|(not merged)"
  "mutant-lam-ignores-sva|B9: LAM and SVA without the exclusion|never released|23e5d9ec2bab adds it"
  "v6.19-early-b7-unbind-after-mmdrop|6.19 before the fix (B7: iommu_mm after __mmdrop)|6.18.7 .. 6.18.19, 6.19 .. 6.19.9|e37d5a2d60a3; fix 06e14c36e20b"
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
