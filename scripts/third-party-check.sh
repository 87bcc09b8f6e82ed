#!/usr/bin/env bash
# Loads every VST3 bundle under DIR in our host, as a DAW's plug-in scan would: `host info` for each bundle, and for
# each instrument class (an event input) an offline render of a MIDI song. Third-party bundles are not part of the
# repository (build e.g. the VST3 SDK's samples elsewhere); this prints PASS/FAIL per bundle and class.
#   bash scripts/third-party-check.sh /path/to/VST3/Release [song.mid]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:?usage: third-party-check.sh DIR [song.mid]}"
song="${2:-$(ls /usr/share/games/openttd/baseset/openmsx/*.mid 2>/dev/null | head -n 1)}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
failed=0
for bundle in "$dir"/*.vst3; do
  if ! "$root/euterpe" host info "$bundle" >"$out/info.txt" 2>&1; then
    echo "FAIL host info $bundle: $(tail -n 1 "$out/info.txt")"; failed=1; continue
  fi
  echo "PASS host info $bundle ($(grep -c 'Audio Module Class' "$out/info.txt") audio modules)"
  grep -o '"[^"]*"  category "Audio Module Class"  subcategories "[^"]*Instrument[^"]*"' "$out/info.txt" | cut -d'"' -f2 | while read -r name; do
    if "$root/euterpe" render --plugin "$bundle" --class "$name" --midi-in "$song" --seconds 5 --out "$out/x.wav" --quiet >"$out/render.txt" 2>&1; then
      echo "PASS render  $bundle \"$name\": $(grep '^rendered' "$out/render.txt" | sed 's/ -> .*//')"
    else
      echo "FAIL render  $bundle \"$name\": $(tail -n 1 "$out/render.txt")"; touch "$out/failed"
    fi
  done
done
[[ -f "$out/failed" ]] && failed=1
exit $failed
