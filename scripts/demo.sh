#!/usr/bin/env bash
# The main job: a demo on real data with what Euterpe can do today.
# An openmsx song is played into the Euterpe VST3 instrument through our standalone host, exactly as a DAW
# would drive it (the bundle is loaded with dlopen + GetPluginFactory), and rendered to WAV and MIDI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
out="$root/out/demo"
mkdir -p "$out"
song="$(ls /usr/share/games/openttd/baseset/openmsx/*.mid 2>/dev/null | head -n 1 || true)"
[[ -n "$song" ]] || die "no openttd-openmsx MIDI files found; run scripts/install-deps.sh"
log "demo: $song"
"$root/euterpe" midi info "$song"

bundle="$root/artifacts/Euterpe.vst3"
if [[ ! -f "$bundle/Contents/x86_64-linux/Euterpe.so" ]]; then
  log "building the plug-in bundle"
  bash "$root/scripts/build.sh" Release
fi
log "host info: $bundle"
"$root/euterpe" host info "$bundle"
log "rendering 20 s of $(basename "$song") through the plug-in"
# All of the song's channels go to one instrument, so its output gain (parameter 2, -60…+6 dB) goes to -9 dB
# (normalized (-9 + 60) / 66) to keep the peaks under full scale.
"$root/euterpe" render --plugin "$bundle" --midi-in "$song" --seconds 20 --tempo 120 --param 2=0.7727 \
  --out "$out/demo.wav" --midi-out "$out/demo.mid"
log "demo audio: $out/demo.wav"
log "demo MIDI (the plug-in's generated notes): $out/demo.mid"
