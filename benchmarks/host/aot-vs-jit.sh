#!/usr/bin/env bash
# The NativeAOT bundle (artifacts/Euterpe.vst3) beside the JIT bundle built from the same checkout
# (benchmarks/host/jit-bundle.sh: the last hostfxr loader in front of this checkout's managed plug-in), in one run, from a
# C host's side (bundle_bench.py: Python ctypes, no .NET in the process): code size on disk; load to first note (dlopen
# to the first block with a note, 48 kHz, 64 frames; RUNS fresh processes each, alternating); process() in real time
# for SECONDS while the instrument generates from PRESET.
#   benchmarks/host/aot-vs-jit.sh [SECONDS=60] [RUNS=5] [PRESET=event-rnn-openmsx]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/lib.sh"
seconds="${1:-60}"; runs="${2:-5}"; preset="${3:-event-rnn-openmsx}"
aot="$root/artifacts/Euterpe.vst3"
jit="${EUTERPE_JIT_BUNDLE:-/tmp/euterpe-jit/Euterpe.vst3}"
[[ -f "$aot/Contents/x86_64-linux/Euterpe.so" ]] || die "$aot: no bundle; run scripts/build.sh"
[[ -f "$jit/Contents/x86_64-linux/Euterpe.so" ]] || bash "$root/benchmarks/host/jit-bundle.sh" "$(dirname "$jit")"
export EUTERPE_PLUGIN_STDERR=0 EUTERPE_PRESETS="$root/presets/$preset"
echo "commit $(git -C "$root" rev-parse --short HEAD); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for kind in aot jit; do
  bundle=$aot; [[ $kind == jit ]] && bundle=$jit
  echo "$kind code on disk: $(du -sb "$bundle/Contents/x86_64-linux" | cut -f1) bytes in $(ls "$bundle/Contents/x86_64-linux" | wc -l) files (Euterpe.so $(stat -c %s "$bundle/Contents/x86_64-linux/Euterpe.so") bytes)"
done
for ((run = 1; run <= runs; run++)); do
  for kind in aot jit; do
    bundle=$aot; [[ $kind == jit ]] && bundle=$jit
    echo "$kind first note: $(python3 "$root/benchmarks/host/bundle_bench.py" "$bundle/Contents/x86_64-linux/Euterpe.so" 0.1 64 | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["first_note_ms"], "ms, first block peak", r["first_block_peak"])')"
  done
done
for kind in aot jit; do
  bundle=$aot; [[ $kind == jit ]] && bundle=$jit
  echo "$kind process(), $seconds s in real time, 64 frames, generating with $preset: $(python3 "$root/benchmarks/host/bundle_bench.py" "$bundle/Contents/x86_64-linux/Euterpe.so" "$seconds" 64)"
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
