#!/usr/bin/env bash
# Ardour (a real Linux DAW) loads Euterpe on a MIDI track and bounces it; what it exports must be the music our
# own host renders with the same settings (default preset and seed, 120 BPM, 48 kHz, 1024-frame blocks): the same
# samples, apart from Ardour's 16-bit dither. Needs ardour (ardour7-lua), jackd and /usr/bin/python3 with numpy.
#   bash scripts/ardour-check.sh [SECONDS=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
seconds="${1:-10}"
bundle="$root/artifacts/Euterpe.vst3"
lib=/usr/lib/ardour7
command -v ardour7-lua >/dev/null || die "ardour7-lua: not found; install Ardour (apt-get install ardour)"
[[ -f "$bundle/Contents/x86_64-linux/Euterpe.so" ]] || die "$bundle: no bundle; run scripts/build.sh"
work="$(mktemp -d)"
server="euterpe-ardour-$$"
# EUTERPE_KEEP=1 keeps the work folder (logs, session, both WAVs) for a look afterwards; the server always goes.
cleanup() {
  [[ -n "${jack:-}" ]] && kill "$jack" 2>/dev/null
  wait 2>/dev/null
  if [[ -n "${EUTERPE_KEEP:-}" ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
# A private JACK server (dummy driver, no sound card) and a private Ardour cache and config.
export JACK_DEFAULT_SERVER="$server" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" VST3_PATH="$(dirname "$bundle")"
start_server() {
  [[ -n "${jack:-}" ]] && { kill "$jack" 2>/dev/null; wait "$jack" 2>/dev/null || true; }
  jackd -n "$server" -d dummy -r 48000 -p 1024 >>"$work/jackd.log" 2>&1 &
  jack=$!
  sleep 2
}
start_server
LD_LIBRARY_PATH="$lib" "$lib/ardour-vst3-scanner" -f -q "$bundle" >"$work/scan.log" 2>&1 || die "ardour-vst3-scanner could not load $bundle: $(tail -n 1 "$work/scan.log")"
mkdir -p "$work/out"
# ardour7-lua has aborted now and then here and in CI ("free(): invalid size") before the export began, and once
# the retry could not create its session after such an abort. Each attempt gets a fresh server and session folder.
attempts=3
for ((attempt = 1; attempt <= attempts; attempt++)); do
  (( attempt > 1 )) && start_server
  session="$work/session-$attempt"
  LD_LIBRARY_PATH="$lib" timeout 300 ardour7-lua "$root/scripts/ardour/export-euterpe.lua" "$session" "$work/out" "$seconds" >"$work/ardour-$attempt.log" 2>&1 || true
  grep -qx "ok" "$work/ardour-$attempt.log" && break
  log "Ardour attempt $attempt failed: $(tail -n 1 "$work/ardour-$attempt.log")"
  (( attempt == attempts )) && die "Ardour's export failed: $(grep -E 'Error|error' "$work/ardour-$attempt.log" | tail -n 1)"
done
ours="${EUTERPE_OURS_WAV:-}" # the test suite renders ours in-process and passes it here
if [[ -z "$ours" ]]; then
  ours="$work/ours.wav"
  "$root/euterpe" render --plugin "$bundle" --seconds "$seconds" --tempo 120 --block 1024 --out "$ours" --quiet >/dev/null
fi
/usr/bin/python3 "$root/scripts/ardour/compare-wav.py" "$work/out/ardour.wav" "$ours"
