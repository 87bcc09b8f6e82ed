#!/usr/bin/env bash
# Renders a few OpenMSX MIDI songs to 16 kHz mono WAV with fluidsynth + FluidR3_GM, as real training audio
# for the fft-lstm models. Usage: scripts/render-audio-corpus.sh [OUT_DIR] [SONG_COUNT] [SECONDS_PER_SONG]
# Defaults: data/audio-openmsx, 6 songs, 30 s each (3 minutes in all) so training here stays quick.
set -euo pipefail
out="${1:-data/audio-openmsx}"
count="${2:-6}"
seconds="${3:-30}"
midi_dir=/usr/share/games/openttd/baseset/openmsx
font=/usr/share/sounds/sf2/FluidR3_GM.sf2
for tool in fluidsynth sox; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found (apt-get install fluidsynth sox)" >&2; exit 2; }
done
[[ -f "$font" ]] || { echo "error: $font not found (apt-get install fluid-soundfont-gm)" >&2; exit 2; }
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
n=0
for mid in "$midi_dir"/*.mid; do
  (( n >= count )) && break
  name="$(basename "$mid" .mid)"
  # fluidsynth renders at 44.1 kHz stereo with the songs' own instruments; sox mixes to mono, resamples and trims.
  fluidsynth -ni -g 0.4 -r 44100 -F "$tmp/$name.wav" "$font" "$mid" >/dev/null 2>&1
  sox "$tmp/$name.wav" -r 16000 -c 1 -b 16 "$out/$name.wav" trim 0 "$seconds"
  echo "$out/$name.wav"
  n=$((n + 1))
done
