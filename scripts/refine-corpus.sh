#!/usr/bin/env bash
# The refine-velocity preset's corpus: the 31 OpenMSX songs and the pianobooster pieces (played with real dynamics),
# linked into one folder (default out/refine-corpus). Needs the Debian packages openttd-openmsx and pianobooster.
# Usage: scripts/refine-corpus.sh [FOLDER]
set -euo pipefail
out="${1:-out/refine-corpus}"
openmsx=/usr/share/games/openttd/baseset/openmsx
pianobooster=/usr/share/doc/pianobooster/courses
for folder in "$openmsx" "$pianobooster"; do
  [[ -d "$folder" ]] || { echo "error: $folder: not found (apt-get install openttd-openmsx pianobooster)" >&2; exit 2; }
done
mkdir -p "$out"
for f in "$openmsx"/*.mid; do ln -sfn "$f" "$out/openmsx-$(basename "$f")"; done
# Only the plain .mid pieces: the gzipped ones are not music files to the reader.
find "$pianobooster" -name '*.mid' -print0 | sort -z | while IFS= read -r -d '' f; do ln -sfn "$f" "$out/pianobooster-$(basename "$f")"; done
echo "$out: $(find "$out" -maxdepth 1 -name '*.mid' | wc -l) MIDI files"
