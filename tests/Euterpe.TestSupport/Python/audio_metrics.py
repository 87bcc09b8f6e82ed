"""Independent reference for Euterpe's audio metrics (core/Evaluation/AudioMetrics.cs), written from their
documented definitions with numpy only. Usage: audio_metrics.py FILE.wav... -> JSON {file: {metrics}} on stdout.
Reads 16-bit PCM or 32-bit float WAV at 16 kHz (mono, or stereo mixed by averaging the channels)."""
import json
import sys
import wave

import numpy as np

RATE = 16000
FRAME = 1024
HOP = 256
SILENCE_RMS = 1e-3
POWER_FLOOR = 1e-20
TOP_HZ = 7000
DYNAMIC_RANGE_DB = 80.0
PEAK_RADIUS = 3
MEAN_RADIUS = 10
DELTA_DB = 1.0
MIN_GAP = 3


def read_wav(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SystemExit(f"{path}: not RIFF/WAVE")
    pos, fmt, samples = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        body = data[pos + 8:pos + 8 + size]
        if cid == b"fmt ":
            fmt = (int.from_bytes(body[0:2], "little"), int.from_bytes(body[2:4], "little"),
                   int.from_bytes(body[4:8], "little"), int.from_bytes(body[14:16], "little"))
        elif cid == b"data":
            samples = body
        pos += 8 + size + (size & 1)
    tag, channels, rate, bits = fmt
    if rate != RATE:
        raise SystemExit(f"{path}: {rate} Hz, this reference reads {RATE} Hz only")
    if bits == 16:
        x = np.frombuffer(samples, dtype="<i2").astype(np.float64) / 32768.0
    elif bits == 32 and tag in (3, 0xFFFE):
        x = np.frombuffer(samples, dtype="<f4").astype(np.float64)
    else:
        raise SystemExit(f"{path}: {bits}-bit format {tag} not read here")
    return x.reshape(-1, channels).mean(axis=1)


def metrics(x):
    count = (len(x) - FRAME) // HOP + 1 if len(x) >= FRAME else 0
    n = np.arange(FRAME)
    window = 0.5 - 0.5 * np.cos(2 * np.pi * n / FRAME)
    frames = np.stack([x[t * HOP:t * HOP + FRAME] for t in range(count)]) if count else np.zeros((0, FRAME))
    rms = np.sqrt(np.mean(frames ** 2, axis=1))
    power = np.abs(np.fft.rfft(frames * window, axis=1)) ** 2
    loud = rms >= SILENCE_RMS
    top_bin = int(TOP_HZ * FRAME // RATE)
    p = np.maximum(power[loud][:, :top_bin + 1], POWER_FLOOR)
    flatness = np.exp(np.mean(np.log(p), axis=1)) / np.mean(p, axis=1)
    levels = 20 * np.log10(rms[loud])
    result = {
        "frames": int(count),
        "loudFrames": int(loud.sum()),
        "spectralFlatness": float(flatness.mean()) if loud.any() else None,
        "frameRmsSpreadDb": float(levels.std()) if loud.any() else None,
    }
    onsets = 0
    if count > 0 and power.max() > 0:
        floor = power.max() * 10 ** (-DYNAMIC_RANGE_DB / 10)
        db = 10 * np.log10(np.maximum(power, floor))
        flux = np.zeros(count)
        flux[1:] = np.maximum(0, db[1:] - db[:-1]).mean(axis=1)
        last = None
        for t in range(count):
            lo, hi = max(0, t - PEAK_RADIUS), min(count, t + PEAK_RADIUS + 1)
            if flux[t] < flux[lo:hi].max():
                continue
            lo, hi = max(0, t - MEAN_RADIUS), min(count, t + MEAN_RADIUS + 1)
            if flux[t] < flux[lo:hi].mean() + DELTA_DB:
                continue
            if last is not None and t - last < MIN_GAP:
                continue
            onsets += 1
            last = t
    result["onsets"] = onsets
    result["onsetsPerSecond"] = onsets / (len(x) / RATE) if len(x) else None
    return result


print(json.dumps({path: metrics(read_wav(path)) for path in sys.argv[1:]}, indent=1))
