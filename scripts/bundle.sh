#!/usr/bin/env bash
# Lays out the VST3 bundle artifacts/Euterpe.vst3 from what build.sh built:
#   Contents/x86_64-linux/Euterpe.so       native loader (plugin/native)
#   Contents/x86_64-linux/Euterpe.dll ...  the managed plug-in, the VST3 ABI it uses (Euterpe.Vst3.dll, vst3/), core,
#                                          its deps/runtimeconfig, and ONNX Runtime's CPU build
#                                          (libonnxruntime.so from the Microsoft.ML.OnnxRuntime package, via the build output)
#                                          and Skia (libSkiaSharp.so, SkiaSharp.NativeAssets.Linux) for the editor
#   Contents/Resources/moduleinfo.json
#   Contents/Resources/vstpresets/*.vstpreset  one Steinberg preset per shipped model, every other control at its default
#                                          (made by `euterpe host vstpreset factory` from the staged bundle)
# Usage: scripts/bundle.sh [Debug|Release]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
config="${1:-Debug}"
managed="$root/artifacts/bin/Euterpe.Plugin/${config,,}"
loader="$root/artifacts/native/plugin/Euterpe.so"
bundle="$root/artifacts/Euterpe.vst3"
[[ -f "$loader" ]] || die "$loader: missing; run scripts/build.sh first"
[[ -f "$managed/Euterpe.dll" && -f "$managed/Euterpe.Vst3.dll" && -f "$managed/Euterpe.runtimeconfig.json" ]] || die "$managed: no built plug-in; run scripts/build.sh $config"
[[ -f "$managed/libonnxruntime.so" ]] || die "$managed/libonnxruntime.so: missing (the Microsoft.ML.OnnxRuntime package puts it there); run scripts/build.sh $config"
[[ -f "$managed/libSkiaSharp.so" ]] || die "$managed/libSkiaSharp.so: missing (the SkiaSharp.NativeAssets.Linux package puts it there); run scripts/build.sh $config"

log "bundling $bundle ($config)"
stage="$(mktemp -d "$root/artifacts/.bundle.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
binary="$stage/Euterpe.vst3/Contents/x86_64-linux"
mkdir -p "$binary" "$stage/Euterpe.vst3/Contents/Resources"
cp "$loader" "$binary/Euterpe.so"
cp "$managed"/*.dll "$managed"/*.json "$binary/"
cp "$managed"/*.pdb "$binary/" 2>/dev/null || true
cp "$managed"/libonnxruntime*.so "$binary/"
# The editor draws with Skia: its native library beside the plug-in, where SkiaLibrary looks for it.
cp "$managed"/libSkiaSharp*.so "$binary/"
# The product's one version (Directory.Build.props), as the factory reports it, in every "Version" of moduleinfo.json.
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
[[ -n "$version" ]] || die "$root/Directory.Build.props: no <Version>"
sed "s/\"Version\": \"[^\"]*\"/\"Version\": \"$version\"/" "$root/plugin/Bundle/moduleinfo.json" >"$stage/Euterpe.vst3/Contents/Resources/moduleinfo.json"
# Model presets the instrument lists (each a folder with model.onnx + manifest.json).
if [[ -d "$root/presets" ]]; then cp -r "$root/presets" "$stage/Euterpe.vst3/Contents/Resources/presets"; fi
# Factory presets as .vstpreset files, made by our host from the bundle itself (its Model list, its state format).
cli="$root/artifacts/bin/Euterpe.Cli/${config,,}/euterpe.dll"
[[ -f "$cli" ]] || die "$cli: missing; run scripts/build.sh $config (the factory .vstpreset files are made with it)"
EUTERPE_PLUGIN_STDERR=0 dotnet "$cli" host vstpreset factory "$stage/Euterpe.vst3/Contents/Resources/vstpresets" --plugin "$stage/Euterpe.vst3" >/dev/null \
  || die "factory .vstpreset files could not be made"
rm -rf "$bundle"
mv "$stage/Euterpe.vst3" "$bundle"
log "bundle ready: $bundle"
