#!/usr/bin/env bash
# Builds everything: the plug-in's native loader (CMake) and the .NET solution. Assumes install-deps.sh has run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
config="${1:-Debug}"
for native in "$root"/plugin/native; do
  [[ -f "$native/CMakeLists.txt" ]] || continue
  log "building native $(basename "$(dirname "$native")")/native"
  cmake -S "$native" -B "$root/artifacts/native/$(basename "$(dirname "$native")")" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/artifacts/native/$(basename "$(dirname "$native")")" -j "$(nproc)" >/dev/null
done
log "building the .NET solution ($config)"
dotnet build "$root/PluginSolution.sln" -c "$config" -nologo -v q -clp:ErrorsOnly
if [[ -f "$root/artifacts/native/plugin/Euterpe.so" ]]; then
  "$root/scripts/bundle.sh" "$config"
fi
