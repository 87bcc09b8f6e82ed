#!/usr/bin/env bash
# Puts libonnxruntime.so.1 (linux x64, CPU) into Euterpe's cache, taken from the npm package
# onnxruntime-node, which ships the official prebuilt library. Set EUTERPE_ORT_LIBRARY at run time
# to use another build (a GPU build, say) instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
version=1.30.0
dest="$(euterpe_cache)/onnxruntime-$version"
[[ -f "$dest/libonnxruntime.so.1" ]] && exit 0
command -v npm >/dev/null || die "npm not found; install nodejs and npm (scripts/install-deps.sh does)"
log "fetching ONNX Runtime $version from npm (onnxruntime-node)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "onnxruntime-node@$version" >/dev/null) || die "npm pack onnxruntime-node@$version failed"
tar -xzf "$tmp/onnxruntime-node-$version.tgz" -C "$tmp" package/bin/napi-v6/linux/x64/libonnxruntime.so.1 \
  || die "onnxruntime-node@$version has no bin/napi-v6/linux/x64/libonnxruntime.so.1"
# Assemble in a private folder, then rename: a concurrent or interrupted run never leaves half a library.
mkdir -p "$(dirname "$dest")"
partial="$(mktemp -d "$dest.partial.XXXXXX")" && chmod 755 "$partial"
cp "$tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$partial/"
if [[ -f "$dest/libonnxruntime.so.1" ]]; then rm -rf "$partial"; else rm -rf "$dest" && mv "$partial" "$dest"; fi
log "ONNX Runtime library cached at $dest/libonnxruntime.so.1"
