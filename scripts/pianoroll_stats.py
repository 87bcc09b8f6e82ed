#!/usr/bin/python3
"""Notes per 16-beat clip, polyphony and pitch range of piano rolls, read independently of Euterpe (mido, numpy).

Usage: pianoroll_stats.py [--threshold T] FILE...
  FILE.mid: a generated file (tempo from its set_tempo; clips are 16 beats from its start);
  FILE.npy: a piano-roll cache shard (uint8 velocities, (clips, 384, 128)); a cell sounds when velocity / 127 > T.
Prints, over all clips: clips, notes per clip (mean, min, max), polyphony (mean pitches sounding on the 24-per-beat
steps where any sounds), the share of steps with any sound, and the pitch range (lowest, highest, 5th-95th percentile).
"""
import sys

import mido
import numpy

STEPS, PITCHES = 384, 128


def rolls_of_midi(path):
    mid = mido.MidiFile(path)
    tpq = mid.ticks_per_beat
    notes, open_notes = [], {}
    for track in mid.tracks:
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "note_on" and msg.velocity > 0:
                open_notes.setdefault((msg.channel, msg.note), []).append(tick)
            elif msg.type in ("note_on", "note_off") and open_notes.get((msg.channel, msg.note)):
                start = open_notes[(msg.channel, msg.note)].pop(0)
                notes.append((msg.note, start * 24 // tpq, max(tick * 24 // tpq, start * 24 // tpq + 1)))
    end = max((n[2] for n in notes), default=0)
    rolls = numpy.zeros(((end + STEPS - 1) // STEPS, STEPS, PITCHES), bool)
    onsets = numpy.zeros(len(rolls), int)
    for pitch, start, stop in notes:
        for s in range(start, stop):
            rolls[s // STEPS, s % STEPS, pitch] = True
        onsets[start // STEPS] += 1
    return rolls, onsets


def rolls_of_cache(path, threshold):
    rolls = numpy.load(path) / 127.0 > threshold
    before = numpy.concatenate([numpy.zeros_like(rolls[:, :1]), rolls[:, :-1]], axis=1)
    return rolls, (rolls & ~before).sum(axis=(1, 2))


def main(args):
    threshold = 0.3
    if args[:1] == ["--threshold"]:
        threshold, args = float(args[1]), args[2:]
    rolls, onsets = [], []
    for path in args:
        r, o = rolls_of_cache(path, threshold) if path.endswith(".npy") else rolls_of_midi(path)
        rolls.append(r)
        onsets.append(o)
    rolls, onsets = numpy.concatenate(rolls), numpy.concatenate(onsets)
    sounding = rolls.sum(axis=2)
    pitches = numpy.nonzero(rolls.any(axis=(0, 1)))[0]
    weights = rolls.sum(axis=(0, 1))
    cumulative = numpy.cumsum(weights) / max(1, weights.sum())
    p5, p95 = int(numpy.searchsorted(cumulative, 0.05)), int(numpy.searchsorted(cumulative, 0.95))
    print(f"clips {len(rolls)}; notes per clip {onsets.mean():.1f} (min {onsets.min()}, max {onsets.max()}); "
          f"polyphony {sounding[sounding > 0].mean() if (sounding > 0).any() else 0:.2f}; steps sounding {(sounding > 0).mean():.3f}; "
          f"pitches {pitches.min() if len(pitches) else '-'}-{pitches.max() if len(pitches) else '-'} (5-95 %: {p5}-{p95})")


main(sys.argv[1:])
