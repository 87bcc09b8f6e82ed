#!/usr/bin/env bash
# Real-time check of `euterpe play` against a JACK dummy server, beside JACK's own trivial C client as the
# machine's baseline: on a virtual machine the dummy driver's timer can wake late, and then every client,
# however light, is charged xruns. Prints one line per run: who, period, seconds, xruns.
#   bash scripts/xrun-check.sh [SECONDS=60] [PERIODS="64 256"] [PRESET=event-rnn-openmsx]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
periods="${2:-64 256}"
preset="${3:-event-rnn-openmsx}"
log="$(mktemp)"
trap 'kill "$jackd" 2>/dev/null; rm -f "$log"' EXIT
count() { grep -c XRun "$log"; }
"$root/euterpe" play --help >/dev/null # build first, outside the measurement
for period in $periods; do
  jackd -R -d dummy -r 48000 -p "$period" >"$log" 2>&1 &
  jackd=$!
  sleep 2
  a=$(count); sleep "$seconds"; b=$(count)
  echo "server alone       period $period  ${seconds} s  xruns $((b - a))"
  a=$(count); timeout "$seconds" jack_simple_client >/dev/null 2>&1; b=$(count)
  echo "jack_simple_client period $period  ${seconds} s  xruns $((b - a))"
  a=$(count)
  report=$("$root/euterpe" play --preset "$preset" --seconds "$seconds" --no-connect 2>&1)
  b=$(count)
  echo "euterpe play       period $period  ${seconds} s  xruns $((b - a))  ($(grep -E '^process time' <<<"$report"))"
  kill "$jackd"; wait "$jackd" 2>/dev/null
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
