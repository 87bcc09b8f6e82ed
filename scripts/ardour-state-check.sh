#!/usr/bin/env bash
# Ardour (a real Linux DAW) saves a session with Euterpe on a MIDI track whose automatable parameters have all been
# moved off their defaults, then opens it again in a fresh process: every parameter must come back as it was saved.
# Needs ardour (ardour7-lua) and jackd.
#   bash scripts/ardour-state-check.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
bundle="$root/artifacts/Euterpe.vst3"
lib=/usr/lib/ardour7
command -v ardour7-lua >/dev/null || die "ardour7-lua: not found; install Ardour (apt-get install ardour)"
[[ -f "$bundle/Contents/x86_64-linux/Euterpe.so" ]] || die "$bundle: no bundle; run scripts/build.sh"
work="$(mktemp -d)"
server="euterpe-state-$$"
cleanup() {
  [[ -n "${jack:-}" ]] && kill "$jack" 2>/dev/null
  wait 2>/dev/null
  if [[ -n "${EUTERPE_KEEP:-}" ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
export JACK_DEFAULT_SERVER="$server" XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" VST3_PATH="$(dirname "$bundle")"
jackd -n "$server" -d dummy -r 48000 -p 1024 >>"$work/jackd.log" 2>&1 &
jack=$!
sleep 2
LD_LIBRARY_PATH="$lib" "$lib/ardour-vst3-scanner" -f -q "$bundle" >"$work/scan.log" 2>&1 || die "ardour-vst3-scanner could not load $bundle: $(tail -n 1 "$work/scan.log")"
for mode in save load; do
  LD_LIBRARY_PATH="$lib" timeout 300 ardour7-lua "$root/scripts/ardour/state-euterpe.lua" "$work/session" "$mode" >"$work/$mode.log" 2>&1 || true
  grep -qx "ok" "$work/$mode.log" || die "Ardour's $mode failed: $(grep -E 'Error|error' "$work/$mode.log" | tail -n 1)"
  grep '^param ' "$work/$mode.log" >"$work/$mode.txt"
done
saved=$(wc -l <"$work/save.txt")
(( saved > 0 )) || die "Ardour listed no parameter to save"
if ! diff "$work/save.txt" "$work/load.txt" >"$work/diff.txt"; then
  log "parameters that did not come back (< saved, > loaded):"
  cat "$work/diff.txt" >&2
  echo "FAIL: $(grep -c '^<' "$work/diff.txt") of $saved parameters changed across Ardour's save and load"
  exit 1
fi
cut -d' ' -f3- "$work/save.txt" | tr '\n' ';'; echo
echo "PASS: all $saved parameters came back from Ardour's saved session"
