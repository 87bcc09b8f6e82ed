#!/usr/bin/env bash
# Builds, for comparisons only, the plug-in as it shipped before NativeAOT: the last hostfxr loader in this repository's
# history (plugin/native, deleted when Euterpe.so became a NativeAOT library) in front of this checkout's managed
# plug-in, JIT-compiled by a .NET 10 runtime booted inside the host. Needs the .NET SDK and cmake/g++.
#   benchmarks/host/jit-bundle.sh [OUT=/tmp/euterpe-jit]   -> OUT/Euterpe.vst3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib.sh"
out="${1:-/tmp/euterpe-jit}"
# The newest commit that touched the loader: the one that deleted it (then its parent has it), or its last edit.
source_commit="$(git -C "$root" rev-list -1 HEAD -- plugin/native/loader.cpp)"
[[ -n "$source_commit" ]] || die "$root: no plugin/native/loader.cpp in this branch's history"
git -C "$root" cat-file -e "$source_commit:plugin/native/loader.cpp" 2>/dev/null || source_commit="$source_commit^"
rm -rf "$out/loader-src"
rm -rf "$out/loader"
mkdir -p "$out/loader-src" "$out/loader"
git -C "$root" archive "$source_commit" plugin/native | tar -x -m -C "$out/loader-src"
log "loader from $(git -C "$root" rev-parse --short "$source_commit")"
cmake -S "$out/loader-src/plugin/native" -B "$out/loader" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out/loader" >/dev/null
# The managed plug-in as a component hostfxr can load: its own runtimeconfig/deps, built apart from artifacts/, without
# PublishAot (its feature switches turn off the native hosting that hostfxr needs).
log "building the managed plug-in (Release, JIT)"
dotnet build "$root/plugin/Euterpe.Plugin.csproj" -c Release -nologo -v q -clp:ErrorsOnly \
  -p:ArtifactsPath="$out/artifacts" -p:EnableDynamicLoading=true -p:GenerateRuntimeConfigurationFiles=true -p:PublishAot=false
managed="$out/artifacts/bin/Euterpe.Plugin/release"
bundle="$out/Euterpe.vst3"
rm -rf "$bundle"
mkdir -p "$bundle/Contents/x86_64-linux"
cp "$out/loader/Euterpe.so" "$managed"/*.dll "$managed"/*.json "$managed"/libonnxruntime*.so "$bundle/Contents/x86_64-linux/"
mkdir -p "$bundle/Contents/Resources"
cp "$root/plugin/Bundle/moduleinfo.json" "$bundle/Contents/Resources/"
cp -r "$root/presets" "$bundle/Contents/Resources/presets"
log "JIT bundle ready: $bundle"
