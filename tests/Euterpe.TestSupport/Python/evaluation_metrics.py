#!/usr/bin/python3
"""Computes the per-piece evaluation metrics of `euterpe evaluate` independently, with mido and numpy.

Usage: evaluation_metrics.py [--seconds S] FILE [FILE...]
Prints one JSON object: file -> metrics. With --seconds every piece is first cropped to its first S seconds (notes
starting before the tick nearest S, ends cut there). Notes follow mido_notes.py's rules; drums are channel 10
(index 9) and left out of every metric. Each file's "sharedRunNotes"/"sharedRunReference" compare it with the OTHER
files given: the most consecutive pitch intervals of its melody (non-drum notes by onset, then pitch) found in one
of them, as notes (intervals + 1). NaN metrics are written as null.
"""
import bisect
import json
import math
import sys
from fractions import Fraction

import mido
import numpy as np

MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)


class Piece:
    def __init__(self, path, crop_seconds):
        mid = mido.MidiFile(path)
        self.tpq = mid.ticks_per_beat
        tempos, signatures, notes = {}, [], []
        for track in mid.tracks:
            tick, open_notes = 0, {}
            for msg in track:
                tick += msg.time
                if msg.type == "set_tempo":
                    tempos[tick] = msg.tempo
                elif msg.type == "time_signature":
                    signatures.append((tick, msg.numerator, msg.denominator))
                elif msg.type == "note_on" and msg.velocity > 0:
                    open_notes.setdefault((msg.channel, msg.note), []).append((tick, msg.velocity))
                elif msg.type in ("note_on", "note_off") and open_notes.get((msg.channel, msg.note)):
                    start, velocity = open_notes[(msg.channel, msg.note)].pop(0)
                    notes.append((start, tick, msg.note, velocity, msg.channel == 9))
            for (channel, pitch), queue in open_notes.items():
                notes.extend((start, max(start, tick), pitch, velocity, channel == 9) for start, velocity in queue)
        tempos.setdefault(0, 500000)
        self.tempo_points = sorted(tempos.items())
        self.point_seconds = [Fraction(0)]
        for (t0, us0), (t1, _) in zip(self.tempo_points, self.tempo_points[1:]):
            self.point_seconds.append(self.point_seconds[-1] + Fraction((t1 - t0) * us0, 10**6 * self.tpq))
        if crop_seconds is not None:
            cut = self.tick_at(crop_seconds)
            notes = [(s, min(e, cut), p, v, d) for s, e, p, v, d in notes if e > 0 and s < cut]
            signatures = [sig for sig in signatures if sig[0] < cut]
        self.signatures = sorted(signatures, key=lambda s: s[0])
        self.all_notes = notes
        self.notes = [n for n in notes if not n[4]]  # (start, end, pitch, velocity, drum)

    def seconds(self, tick):
        i = bisect.bisect_right([t for t, _ in self.tempo_points], tick) - 1
        t0, us = self.tempo_points[i]
        return float(self.point_seconds[i] + Fraction((tick - t0) * us, 10**6 * self.tpq))

    def tick_at(self, seconds):
        target = Fraction(seconds)
        i = max(j for j in range(len(self.tempo_points)) if self.point_seconds[j] <= target)
        t0, us = self.tempo_points[i]
        return round(t0 + (target - self.point_seconds[i]) * 10**6 * self.tpq / us)

    def bars(self):
        end = max((e for _, e, _, _, _ in self.all_notes), default=0)
        sigs = list(self.signatures)
        if not sigs or sigs[0][0] > 0:
            sigs.insert(0, (0, 4, 4))
        bars, tick = [], 0
        while tick < end:
            current = [s for s in sigs if s[0] <= tick][-1]
            length = max(1, self.tpq * 4 * current[1] // current[2])
            following = [s[0] for s in sigs if s[0] > tick]
            stop = min(tick + length, following[0]) if following else tick + length
            bars.append((tick, stop))
            tick = stop
        return bars


def nan_to_none(value):
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def durations(piece):
    d = np.array([max(0.0, piece.seconds(e) - piece.seconds(s)) for s, e, _, _, _ in piece.notes])
    if d.size == 0:
        return None, None, None
    return np.median(d), np.percentile(d, 90), float(np.mean(d > 3.0))


def sounding(piece, step=0.05):
    """Mean number of distinct pitches sounding at the instants k * step (start <= t < end) where any does."""
    spans = []
    for s, e, p, _, _ in piece.notes:
        first, end = math.ceil(piece.seconds(s) / step - 1e-6), math.ceil(piece.seconds(e) / step - 1e-6)
        if end > first:
            spans.append((first, end, p))
    if not spans:
        return None
    pitches = [set() for _ in range(max(end for _, end, _ in spans))]
    for first, end, p in spans:
        for k in range(first, end):
            pitches[k].add(p)
    counts = np.array([len(s) for s in pitches])
    return counts.sum() / np.count_nonzero(counts)


def polyphony(piece, steps_per_beat=24):
    """Mean distinct pitches over the 1/24-beat steps where any sounds, from a boolean piano roll (time x 128)."""
    spans = []
    for s, e, p, _, _ in piece.notes:
        start = max(0, round(s * steps_per_beat / piece.tpq))
        spans.append((start, max(start + 1, round(e * steps_per_beat / piece.tpq)), p))
    if not spans:
        return None
    roll = np.zeros((max(end for _, end, _ in spans), 128), dtype=bool)
    for start, end, p in spans:
        roll[start:end, p] = True
    counts = roll.sum(axis=1)
    return counts.sum() / np.count_nonzero(counts)


def scale_fit(piece):
    classes = [p % 12 for _, _, p, _, _ in piece.notes]
    if not classes:
        return None
    best = max(sum(1 for c in classes if (c - tonic) % 12 in scale) for tonic in range(12) for scale in (MAJOR, MINOR))
    return best / len(classes)


def onset_intervals(piece):
    onsets = sorted({s for s, _, _, _, _ in piece.notes})
    gaps = np.diff([piece.seconds(t) for t in onsets])
    if gaps.size == 0:
        return None, None
    return np.median(gaps), np.std(gaps) / np.mean(gaps)


def velocity_spread(piece):
    return np.std([v for _, _, _, v, _ in piece.notes]) if piece.notes else None


def repetition(piece, window=4):
    bars = piece.bars()
    contents = []
    for b in range(len(bars) - window + 1):
        lo, hi = bars[b][0], bars[b + window - 1][1]
        cells = frozenset((math.floor(Fraction(4 * (s - lo), piece.tpq) + Fraction(1, 2)), p) for s, _, p, _, _ in piece.notes if lo <= s < hi)
        if cells:
            contents.append(cells)
    if not contents:
        return None
    return sum(1 for c in contents if contents.count(c) > 1) / len(contents)


def chroma_similarity(piece):
    vectors = []
    for lo, hi in piece.bars():
        v = np.zeros(12)
        for s, e, p, _, _ in piece.notes:
            overlap = min(e, hi) - max(s, lo)
            if overlap > 0:
                v[p % 12] += overlap
        if v.any():
            vectors.append(v / np.linalg.norm(v))
    if len(vectors) < 2:
        return None
    sims = [float(vectors[i] @ vectors[j]) for i in range(len(vectors)) for j in range(i + 1, len(vectors))]
    return sum(sims) / len(sims)


def intervals(piece):
    pitches = [p for _, _, p, _, _ in sorted(piece.notes, key=lambda n: (n[0], n[2]))]
    return np.diff(np.array(pitches, dtype=np.int64))


def longest_common_run(a, b):
    best, previous = 0, np.zeros(len(b) + 1, dtype=np.int64)
    for x in a:
        current = np.zeros(len(b) + 1, dtype=np.int64)
        current[1:] = np.where(b == x, previous[:-1] + 1, 0)
        best = max(best, int(current.max()))
        previous = current
    return best


def main(argv):
    crop = None
    if argv[:1] == ["--seconds"]:
        crop, argv = float(argv[1]), argv[2:]
    pieces = {path: Piece(path, crop) for path in argv}
    result = {}
    for path, piece in pieces.items():
        median, p90, long_share = durations(piece)
        ioi_median, ioi_cv = onset_intervals(piece)
        metrics = {
            "notes": len(piece.notes),
            "medianNoteSeconds": median, "noteSeconds90": p90, "longNoteShare": long_share,
            "soundingNotes": sounding(piece), "polyphony": polyphony(piece), "scaleFit": scale_fit(piece),
            "medianOnsetIntervalSeconds": ioi_median, "onsetIntervalVariation": ioi_cv,
            "velocitySpread": velocity_spread(piece), "phraseRepetition": repetition(piece),
            "barChromaSimilarity": chroma_similarity(piece),
        }
        metrics = {k: (v if isinstance(v, int) else nan_to_none(v)) for k, v in metrics.items()}
        mine, runs = intervals(piece), []
        for other_path, other in pieces.items():
            if other_path != path and mine.size > 0:
                runs.append((longest_common_run(mine, intervals(other)), other_path))
        if runs:
            best = max(r for r, _ in runs)
            metrics["sharedRunNotes"] = best + 1
            metrics["sharedRunReference"] = next(p for r, p in runs if r == best)
        result[path] = metrics
    json.dump(result, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
