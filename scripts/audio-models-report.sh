#!/usr/bin/env bash
# Exports each fft-lstm run under RUNS_DIR (folders named LAYOUT-ARCH, e.g. stft-bilinear), generates SECONDS of audio
# from each (seed 0, variation 0.05) and writes a spectrogram PNG of it beside one of real held-out audio (sox), then
# prints a Markdown table: validation MSE, parameters, training speed, and what `generate` measured (peak, rms, clicks).
#   bash scripts/audio-models-report.sh [RUNS_DIR=out/runs] [OUT_DIR=out/audio-report] [SECONDS=10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"
runs="${1:-out/runs}"
out="${2:-out/audio-report}"
seconds="${3:-10}"
command -v sox >/dev/null || die "sox: not found (apt-get install sox)"
mkdir -p "$out"
echo "| run | validation MSE | parameters | steps/s | generated peak | rms | click ratio |"
echo "|---|---|---|---|---|---|---|"
for run in "$runs"/*/; do
  run="${run%/}"
  name="$(basename "$run")"
  [[ -f "$run/checkpoint.safetensors" && -f "$run/metrics.json" ]] || continue
  grep -q '"arch"' "$run/metrics.json" || continue
  "$root/euterpe" export "$run" --out "$out/presets/$name" >/dev/null
  line="$("$root/euterpe" generate "$out/presets/$name" --seconds "$seconds" --seed 0 --out "$out/$name.wav")"
  sox "$out/$name.wav" -n spectrogram -x 480 -y 200 -z 90 -t "$name (generated)" -o "$out/$name.png"
  [[ -f "$out/real.png" ]] || sox "$out/presets/$name/seed.wav" -n spectrogram -x 480 -y 200 -z 90 -t "held-out audio (seed.wav)" -o "$out/real.png"
  /usr/bin/python3 - "$run/metrics.json" "$name" "$line" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1])); line = sys.argv[3]
peak = re.search(r"peak ([0-9.]+)", line).group(1); rms = re.search(r"rms ([0-9.]+)", line).group(1)
clicks = re.search(r"click ratio ([0-9.]+)", line).group(1)
print(f"| {sys.argv[2]} | {m['validationMse']:.4f} | {m['parameters']:,} | {m['stepsPerSecond']:.1f} | {peak} | {rms} | {clicks} |")
PY
done
