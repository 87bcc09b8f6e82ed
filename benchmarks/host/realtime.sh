#!/usr/bin/env bash
# Host speed and real-time figures: offline render speed of the shipped preset, then, for each period size, a private
# dummy JACK server (48 kHz) that `euterpe play` runs against. On a virtual machine the dummy driver's timer can wake
# late, and then every client, however light, is charged xruns; so each period first measures that baseline for the
# same time: the server alone, then JACK's own trivial C client (jack_simple_client). Each run's xruns are counted in
# the server's log, and play prints its own report (xruns, process time / period, callbacks over one period).
#   benchmarks/host/realtime.sh [--preset ID] [--no-baseline] [SECONDS=60] [PERIODS=64 256]
#   benchmarks/host/realtime.sh 60 64 256                  # the benchmark: render speed, 64- and 256-frame periods
#   benchmarks/host/realtime.sh --no-baseline 600 64       # the ten-minute acceptance run (expects "xruns: 0")
#   benchmarks/host/realtime.sh --preset event-rnn-openmsx  # play generates with a preset instead of voicing a song
# Run it on an idle machine: background load shows up as xruns even when process() is far inside the period.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
preset=""; baseline=1
while [[ "${1:-}" == --* ]]; do
  case "$1" in
    --preset) preset="$2"; shift 2 ;;
    --no-baseline) baseline=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
seconds="${1:-60}"; shift || true
periods=("${@:-64 256}"); periods=(${periods[@]})
midi="$(ls /usr/share/games/openttd/baseset/openmsx/*.mid | head -1)"
play_input=(--midi-in "$midi"); [[ -n "$preset" ]] && play_input=(--preset "$preset")
out="$(mktemp -d)"; trap 'rm -rf "$out"; [[ -n "${jack:-}" ]] && kill "$jack" 2>/dev/null || true' EXIT
xruns() { grep -c XRun "$log" || true; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/euterpe" render --midi-in "$midi" --seconds 30 --out "$out/render.wav" --quiet | grep -E 'speed|rendered'
for period in "${periods[@]}"; do
  name="euterpe-bench-$$-$period"; log="$out/jackd-$period.log"
  jackd -R -n "$name" -d dummy -r 48000 -p "$period" >"$log" 2>&1 & jack=$!
  sleep 2
  echo "== period $period, $seconds s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  if ((baseline)); then
    a=$(xruns); sleep "$seconds"; b=$(xruns)
    echo "server alone:       xruns $((b - a))"
    a=$(xruns); JACK_DEFAULT_SERVER="$name" timeout "$seconds" jack_simple_client >/dev/null 2>&1 || true; b=$(xruns)
    echo "jack_simple_client: xruns $((b - a))"
  fi
  a=$(xruns)
  "$root/euterpe" play --server "$name" "${play_input[@]}" --seconds "$seconds" --no-connect 2>&1 | grep -v '^euterpe-vst3'
  b=$(xruns)
  echo "euterpe play:       xruns $((b - a)) in the server's log"
  kill "$jack"; wait "$jack" 2>/dev/null || true; jack=
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
