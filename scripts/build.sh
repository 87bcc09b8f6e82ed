#!/usr/bin/env bash
# Builds everything: the .NET solution, then the plug-in published with NativeAOT (one native library, Euterpe.so, that
# needs no .NET runtime on the user's machine) and the bundle artifacts/Euterpe.vst3. Assumes install-deps.sh has run.
# The AOT publish is always Release (the bundle is what users run) and is skipped when no source of the plug-in
# (core/, vst3/, plugin/, the Directory.* build files) is newer than the library it made.
# Usage: scripts/build.sh [Debug|Release]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
config="${1:-Debug}"
log "building the .NET solution ($config)"
dotnet build "$root/PluginSolution.sln" -c "$config" -nologo -v q -clp:ErrorsOnly
library="$root/artifacts/publish/Euterpe.Plugin/release/Euterpe.so"
changed=""
if [[ -f "$library" ]]; then
  changed="$(cd "$root" && find core plugin vst3 Directory.Build.props Directory.Build.targets Directory.Packages.props global.json \
    -type f -newer "$library" -print -quit)"
fi
if [[ ! -f "$library" || -n "$changed" ]]; then
  log "publishing the plug-in with NativeAOT (Release)${changed:+: $changed is newer}"
  started=$SECONDS
  dotnet publish "$root/plugin/Euterpe.Plugin.csproj" -c Release -nologo -v q -clp:ErrorsOnly
  # ILC leaves the old file when its own inputs did not change: the stamp says this source was published.
  touch "$library"
  log "published $library in $((SECONDS - started)) s"
else
  log "the plug-in's sources are older than $library: publish skipped"
fi
"$root/scripts/bundle.sh" "$config"
