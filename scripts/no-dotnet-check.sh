#!/usr/bin/env bash
# The bundle on a machine without .NET: in a private mount namespace (unshare -m, as root) the SDK's folder and
# ~/.dotnet are covered by empty tmpfs mounts, DOTNET_ROOT is unset and no dotnet runs. There Steinberg's validator
# (normal and -e) must pass on a copy of artifacts/Euterpe.vst3, a ctypes host must load it without mapping any .NET
# runtime file, and Ardour (headless, scripts/ardour-check.sh) must load it and export the music our host renders
# (rendered first, outside the namespace, since our host is itself a .NET program).
#   sudo bash scripts/no-dotnet-check.sh [SECONDS=10]
# Needs: unshare (util-linux), the validator (VALIDATOR, default /work/vst3sdk-build/bin/Release/validator), Ardour.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
seconds="${1:-10}"
validator="${VALIDATOR:-/work/vst3sdk-build/bin/Release/validator}"
bundle="$root/artifacts/Euterpe.vst3"
[[ -f "$bundle/Contents/x86_64-linux/Euterpe.so" ]] || die "$bundle: no bundle; run scripts/build.sh"
[[ -x "$validator" ]] || die "$validator: no validator (set VALIDATOR)"
[[ $(id -u) == 0 ]] || die "unshare -m needs root"
sdk="$(dirname "$(readlink -f "$(command -v dotnet)")")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/copy"
cp -r "$bundle" "$work/copy/"
log "rendering our host's take ($seconds s) while .NET is still visible"
"$root/euterpe" render --plugin "$bundle" --seconds "$seconds" --tempo 120 --block 1024 --out "$work/ours.wav" --quiet >/dev/null

# Inside the namespace: everything below sees no .NET.
inside() {
  set -euo pipefail
  mount -t tmpfs none "$SDK"
  [[ -d "$HOME/.dotnet" ]] && mount -t tmpfs none "$HOME/.dotnet"
  unset DOTNET_ROOT
  echo "== no .NET: $SDK holds $(ls -A "$SDK" | wc -l) entries; dotnet: $(command -v dotnet >/dev/null && dotnet --version 2>&1 | head -n 1 || echo 'not runnable')"
  echo "== validator"
  "$VALIDATOR" "$WORK/copy/Euterpe.vst3" >"$WORK/validator.log" 2>&1 || { tail -n 20 "$WORK/validator.log"; exit 1; }
  grep -E "Result: .* tests passed, .* tests failed" "$WORK/validator.log" | tail -n 1
  echo "== validator -e"
  "$VALIDATOR" -e "$WORK/copy/Euterpe.vst3" >"$WORK/validator-e.log" 2>&1 || { tail -n 20 "$WORK/validator-e.log"; exit 1; }
  grep -E "Result: .* tests passed, .* tests failed" "$WORK/validator-e.log" | tail -n 1
  echo "== ctypes host: libraries mapped after GetPluginFactory"
  /usr/bin/python3 - "$WORK/copy/Euterpe.vst3/Contents/x86_64-linux/Euterpe.so" <<'PY'
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
assert ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p)(("ModuleEntry", lib))(None)
assert ctypes.CFUNCTYPE(ctypes.c_void_p)(("GetPluginFactory", lib))()
maps = {line.split()[-1] for line in open("/proc/self/maps") if "/" in line}
dotnet = sorted(m for m in maps if any(k in m.lower() for k in ("dotnet", "coreclr", "hostfxr", "hostpolicy", "clrjit")))
print("factory: yes; .NET runtime files mapped:", dotnet or "none")
sys.exit(1 if dotnet else 0)
PY
  echo "== Ardour (ardour7-lua) loads the bundle and exports; compared with our host's take"
  EUTERPE_OURS_WAV="$WORK/ours.wav" bash "$ROOT/scripts/ardour-check.sh" "$SECONDS_"
}
export -f inside
SDK="$sdk" VALIDATOR="$validator" WORK="$work" ROOT="$root" SECONDS_="$seconds" \
  PATH="$(tr ':' '\n' <<<"$PATH" | grep -v -e "$sdk" -e '\.dotnet' | paste -sd:)" \
  unshare -m --propagation private bash -c inside
log "no-dotnet check passed"
