#!/usr/bin/env bash
# multitrack_threshold.sh PRESET CACHE [N]: the threshold at which N clips of a wgan-gp preset (z ~ N(0, 1) from numpy
# seeds 1..N, run by `euterpe onnx run`) light as many cells as the cache's training clips do; prints both shares and
# the cells above 0.3, 0.5, 0.7 and 0.9. Needs python3 with numpy.
set -euo pipefail
preset=$1 cache=$2 n=${3:-16}
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
latent=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pianoRoll']['latent'])" "$preset/manifest.json")
for s in $(seq 1 "$n"); do
  /usr/bin/python3 -c "import numpy,sys; numpy.random.seed(int(sys.argv[1])); numpy.save(sys.argv[2], numpy.random.randn(1, int(sys.argv[3])).astype('float32'))" "$s" "$work/z$s.npy" "$latent"
  "$root/euterpe" onnx run "$preset/model.onnx" -i "z=$work/z$s.npy" -o "$work/out$s" >/dev/null
done
/usr/bin/python3 - "$work" "$n" "$cache" <<'PY'
import glob, sys
import numpy
work, n, cache = sys.argv[1], int(sys.argv[2]), sys.argv[3]
values = numpy.concatenate([numpy.load(f"{work}/out{s}/clip.npy").ravel() for s in range(1, n + 1)])
on, cells = 0, 0
for shard in sorted(glob.glob(f"{cache}/train-*.rolls.npy")):
    packed = numpy.load(shard, mmap_mode="r")
    for i in range(len(packed)):
        on += int(numpy.unpackbits(packed[i]).sum())
        cells += packed[i].size * 8
share = on / cells
threshold = float(numpy.quantile(values, 1 - share))
print(f"training clips: {share:.5f} of cells on; generated ({n} clips): that share lies above {threshold:.3f}")
print("generated cells above " + ", ".join(f"{t}: {(values > t).mean():.5f}" for t in (0.3, 0.5, 0.7, 0.9)))
PY
