#!/usr/bin/env bash
# Builds the C baseline of the ONNX Runtime step benchmark: benchmarks/native/build.sh OUT_BINARY
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../../artifacts/native/ort-bench/ort_lstm_step}"
mkdir -p "$(dirname "$out")"
cc -O2 -std=c11 -Wall -Wextra -Werror -o "$out" "$here/ort_lstm_step.c" -ldl
echo "$out"
