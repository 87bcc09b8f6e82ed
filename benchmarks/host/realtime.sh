#!/usr/bin/env bash
# Host speed figures: offline render speed of the shipped preset, then `euterpe play` against a private
# dummy JACK server (48 kHz) for each period size. Usage: benchmarks/host/realtime.sh [SECONDS] [PERIODS...]
#   benchmarks/host/realtime.sh 600 64      # the ten-minute acceptance run (expects "xruns: 0")
#   benchmarks/host/realtime.sh 60 64 256   # the benchmark
# Run it on an idle machine: with the dummy driver an xrun is any period jackd (or our client thread) woke late,
# so background load shows up as xruns even when process() is far inside the period ("callbacks over one period").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-60}"; shift || true
periods=("${@:-64 256}"); periods=(${periods[@]})
midi="$(ls /usr/share/games/openttd/baseset/openmsx/*.mid | head -1)"
out="$(mktemp -d)"; trap 'rm -rf "$out"; [[ -n "${jack:-}" ]] && kill "$jack" 2>/dev/null || true' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/euterpe" render --midi-in "$midi" --seconds 30 --out "$out/render.wav" --quiet | grep -E 'speed|rendered'
for period in "${periods[@]}"; do
  name="euterpe-bench-$$-$period"
  jackd -R -n "$name" -d dummy -r 48000 -p "$period" >"$out/jackd-$period.log" 2>&1 & jack=$!
  sleep 2
  echo "== period $period, $seconds s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$root/euterpe" play --server "$name" --midi-in "$midi" --seconds "$seconds" --no-connect 2>&1 | grep -v '^euterpe-vst3'
  kill "$jack"; wait "$jack" 2>/dev/null || true; jack=
done
