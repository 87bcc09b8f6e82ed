#!/usr/bin/env bash
# Gathers the ABC families' training corpus into one folder: the MIDI songs and pieces of four Debian packages and
# the ABC tunes abcmidi ships, as links (the compressed pianobooster pieces are unpacked). `euterpe data prepare
# --encoding abc` (or `train char-rnn --data`) then reads each piece's melody as ABC text.
# Usage: scripts/abc-corpus.sh [OUT_DIR]   (default out/abc-corpus)
# Needs: apt-get install openttd-openmsx mma pianobooster abcmidi
set -euo pipefail
out="${1:-out/abc-corpus}"
declare -A sources=(
  [openmsx]=/usr/share/games/openttd/baseset/openmsx
  [mma]=/usr/share/doc/mma/examples
  [pianobooster]=/usr/share/doc/pianobooster
  [abcmidi]=/usr/share/doc/abcmidi/examples
)
declare -A packages=([openmsx]=openttd-openmsx [mma]=mma [pianobooster]=pianobooster [abcmidi]=abcmidi)
for name in "${!sources[@]}"; do
  [[ -d "${sources[$name]}" ]] || { echo "error: ${sources[$name]}: not found (apt-get install ${packages[$name]})" >&2; exit 2; }
done
if [[ -e "$out" ]]; then echo "error: $out: already exists (remove it or name another folder)" >&2; exit 2; fi
tmp="$out.partial.$$"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{openmsx,mma,pianobooster,abcmidi}
for f in "${sources[openmsx]}"/*.mid; do ln -s "$f" "$tmp/openmsx/"; done
# mma's examples sit one folder a song group: the group names the link, as file names repeat across groups.
find "${sources[mma]}" -name '*.mid' | sort | while read -r f; do ln -s "$f" "$tmp/mma/$(basename "$(dirname "$f")")-$(basename "$f")"; done
find "${sources[pianobooster]}" -name '*.mid' | sort | while read -r f; do ln -s "$f" "$tmp/pianobooster/"; done
find "${sources[pianobooster]}" -name '*.mid.gz' | sort | while read -r f; do zcat "$f" > "$tmp/pianobooster/$(basename "$f" .gz)"; done
for f in "${sources[abcmidi]}"/*.abc; do ln -s "$f" "$tmp/abcmidi/"; done
mv "$tmp" "$out"
trap - EXIT
for d in openmsx mma pianobooster abcmidi; do echo "$out/$d: $(ls "$out/$d" | wc -l) files"; done
