#!/usr/bin/env bash
# The README's first command: install what is missing, build everything, then run the main job.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh" Release
bash "$root/scripts/demo.sh"
