#!/usr/bin/env bash
# The main job: a demo on real data with what Euterpe can do today.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
out="$root/out/demo"
mkdir -p "$out"
song="$(ls /usr/share/games/openttd/baseset/openmsx/*.mid 2>/dev/null | head -n 1 || true)"
[[ -n "$song" ]] || die "no openttd-openmsx MIDI files found; run scripts/install-deps.sh"
log "demo: $song"
"$root/euterpe" midi info "$song"
