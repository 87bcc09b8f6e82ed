#!/usr/bin/env bash
# Lays out the VST3 bundle artifacts/Euterpe.vst3 from what build.sh published:
#   Contents/x86_64-linux/Euterpe.so           the plug-in, compiled by NativeAOT: exports ModuleEntry, GetPluginFactory,
#                                              ModuleExit; needs no .NET runtime
#   Contents/x86_64-linux/libonnxruntime*.so   ONNX Runtime's CPU build (from the Microsoft.ML.OnnxRuntime package), which
#                                              Euterpe.so loads from its own folder
#   Contents/x86_64-linux/libSkiaSharp.so      Skia (SkiaSharp.NativeAssets.Linux) for the editor, loaded from there too
#   Contents/Resources/moduleinfo.json, Contents/Resources/presets/
#   Contents/Resources/vstpresets/*.vstpreset  one Steinberg preset per shipped model, every other control at its default
#                                              (made by `euterpe host vstpreset factory` from the staged bundle)
# Usage: scripts/bundle.sh [Debug|Release]   (the configuration of the CLI that makes the .vstpreset files)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
config="${1:-Debug}"
published="$root/artifacts/publish/Euterpe.Plugin/release"
bundle="$root/artifacts/Euterpe.vst3"
[[ -f "$published/Euterpe.so" ]] || die "$published/Euterpe.so: missing; run scripts/build.sh first"
[[ -f "$published/libonnxruntime.so" ]] || die "$published/libonnxruntime.so: missing (the Microsoft.ML.OnnxRuntime package puts it there); run scripts/build.sh"
[[ -f "$published/libSkiaSharp.so" ]] || die "$published/libSkiaSharp.so: missing (the SkiaSharp.NativeAssets.Linux package puts it there); run scripts/build.sh"

log "bundling $bundle"
stage="$(mktemp -d "$root/artifacts/.bundle.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
binary="$stage/Euterpe.vst3/Contents/x86_64-linux"
mkdir -p "$binary" "$stage/Euterpe.vst3/Contents/Resources"
cp "$published/Euterpe.so" "$published"/libonnxruntime*.so "$published"/libSkiaSharp*.so "$binary/"
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
log "bundle ready: $bundle ($(du -sh --apparent-size "$bundle/Contents/x86_64-linux" | cut -f1) of code, $(du -sh --apparent-size "$bundle" | cut -f1) in all)"
