#!/usr/bin/env bash
# The README's second command and what CI runs: install what is missing, build everything, run every test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" Debug
log "running tests"
log_file="$(mktemp)"
set +e
dotnet test "$root/PluginSolution.sln" --no-build -c Debug -nologo 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test projects, in the plain form CI reads.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log_file"
rm -f "$log_file"
exit "$status"
