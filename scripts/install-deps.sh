#!/usr/bin/env bash
# Installs whatever Euterpe needs that this machine lacks. Idempotent: a second run only checks.
# - Debian packages (JACK, the real MIDI/ABC/audio data the tests and presets use, independent readers and PyTorch to check
#   the trainers against).
# libtorch (TorchSharp-cpu) and ONNX Runtime (Microsoft.ML.OnnxRuntime) come with the build, from NuGet.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib.sh"

packages=(
  cmake g++ make pkg-config patchelf
  zlib1g-dev # NativeAOT links the plug-in (Euterpe.so) with gcc against zlib
  python3-torch
  libjack-jackd2-dev jackd2
  openttd-openmsx abcmidi fluidsynth fluid-soundfont-gm
  midicsv python3-mido python3-numpy python3-onnx sox
)
packages+=(mma)         # MIDI examples no preset trains on: train seqgan --steps 60 on a folder it has never seen (tests)
packages+=(python3-pil) # independent PNG/PGM decoder for the evaluation image tests
packages+=(pianobooster) # piano pieces: the refine nets train on an unseen folder of them (RefineWorkflowTests, scripts/refine-corpus.sh)
packages+=(ardour)     # a real DAW: scripts/ardour-check.sh bounces the instrument in it (headless, ardour7-lua)
packages+=(xvfb libx11-6 fontconfig) # the editor: an X server to open it in (host editor, EditorWindowTests), libX11 it draws through
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  sudo_if_needed apt-get update -q
  # jackd2 asks about realtime priority; answer no without a prompt.
  echo "jackd2 jackd/tweak_rt_limits boolean false" | sudo_if_needed debconf-set-selections
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
