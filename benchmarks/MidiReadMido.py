#!/usr/bin/python3
"""Times python3-mido reading MIDI files from memory, for `dotnet run -c Release --project benchmarks -- midi-read DIR`.

Usage: MidiReadMido.py MIN_SECONDS FILE...  Prints one line: "passes seconds" (whole passes over all files).
"""
import io
import sys
import time

import mido


def main():
    min_seconds = float(sys.argv[1])
    blobs = []
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            blobs.append(f.read())
    for blob in blobs:  # warm-up pass
        mido.MidiFile(file=io.BytesIO(blob))
    passes = 0
    start = time.perf_counter()
    while True:
        for blob in blobs:
            mido.MidiFile(file=io.BytesIO(blob))
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    print(passes, "%.6f" % elapsed)


if __name__ == "__main__":
    main()
