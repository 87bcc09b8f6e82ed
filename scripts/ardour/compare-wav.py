"""Compares Ardour's export with our host's render of the same music: prints the figures and PASS or FAIL.
Ardour writes 16-bit with shaped dither, so the samples may differ by a few 16-bit steps and no more."""
import struct
import sys

import numpy as np


def read(path):
    data = open(path, "rb").read()
    pos, fmt, body = 12, None, None
    while pos + 8 <= len(data):
        chunk, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if chunk == b"fmt ":
            fmt = struct.unpack("<HHIIHH", data[pos + 8:pos + 24])
        elif chunk == b"data":
            body = data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)
    _, channels, rate, _, _, bits = fmt
    samples = np.frombuffer(body, "<f4").astype(np.float64) if bits == 32 else np.frombuffer(body, "<i2") / 32768.0
    return samples.reshape(-1, channels), rate


ardour, rate_a = read(sys.argv[1])
ours, rate_b = read(sys.argv[2])
frames = min(len(ardour), len(ours))
a, b = ardour[:frames], ours[:frames]
peak = float(np.abs(b).max())
diff = float(np.abs(a - b).max())
corr = float(np.corrcoef(a[:, 0], b[:, 0])[0, 1])
print(f"ardour: {len(ardour)} frames at {rate_a} Hz; ours: {len(ours)} frames at {rate_b} Hz; peak {peak:.4f}")
print(f"correlation {corr:.6f}; largest sample difference {diff:.6f} ({diff * 32768:.1f} 16-bit steps)")
ok = rate_a == rate_b and abs(len(ardour) - len(ours)) <= 1 and peak > 0.05 and diff < 8 / 32768
print("PASS: Ardour exported the music the instrument generated" if ok else "FAIL: Ardour's export differs from our render")
sys.exit(0 if ok else 1)
