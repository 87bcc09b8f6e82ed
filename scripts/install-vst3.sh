#!/usr/bin/env bash
# Copies the built bundle to ~/.vst3 (the per-user VST3 folder on Linux) where hosts look for it, and its factory
# .vstpreset files to ~/.vst3/presets/Euterpe/Euterpe/, where Linux hosts' preset browsers look (VENDOR/PLUGIN).
# Usage: scripts/install-vst3.sh   (run scripts/build.sh first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
bundle="$root/artifacts/Euterpe.vst3"
[[ -f "$bundle/Contents/x86_64-linux/Euterpe.so" ]] || die "$bundle: not built; run scripts/build.sh"
target="${VST3_PATH:-$HOME/.vst3}"
mkdir -p "$target"
rm -rf "$target/Euterpe.vst3.new"
cp -r "$bundle" "$target/Euterpe.vst3.new"
rm -rf "$target/Euterpe.vst3"
mv "$target/Euterpe.vst3.new" "$target/Euterpe.vst3"
presets="$target/presets/Euterpe/Euterpe"
if [[ -d "$target/Euterpe.vst3/Contents/Resources/vstpresets" ]]; then
  mkdir -p "$presets"
  cp "$target/Euterpe.vst3/Contents/Resources/vstpresets"/*.vstpreset "$presets/"
  log "installed $(ls "$target/Euterpe.vst3/Contents/Resources/vstpresets" | wc -l) factory presets in $presets"
fi
log "installed $target/Euterpe.vst3"
