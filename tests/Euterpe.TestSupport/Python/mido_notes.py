#!/usr/bin/python3
"""Prints the notes of MIDI files as CSV, computed independently with mido (python3-mido).

Applies the rules `euterpe midi notes` documents: a note_on with velocity 0 is a note_off; a note_off
closes the earliest open note of the same (track, channel, pitch); a note never closed ends at its
track's last message; program = last program_change on the channel in any track at or before the
note_on (ties: later track, then later message wins), else 0; seconds from the set_tempo messages of
all tracks (default 500000 us per beat), computed exactly and rounded half-to-even to whole microseconds. Usage: mido_notes.py FILE [FILE...]; with several files each
CSV is preceded by a line "== FILE".
"""
import bisect
import collections
import sys
from fractions import Fraction

import mido

HEADER = "track,channel,program,pitch,velocity,start_tick,end_tick,start_s,end_s"


def absolute(track):
    tick = 0
    for msg in track:
        tick += msg.time
        yield tick, msg


def notes_csv(path):
    mid = mido.MidiFile(path)
    tpq = mid.ticks_per_beat
    tracks = [list(absolute(t)) for t in mid.tracks]

    tempo_at = {}
    for events in tracks:
        for tick, msg in events:
            if msg.type == "set_tempo":
                tempo_at[tick] = msg.tempo  # a later message at the same tick wins
    tempo_at.setdefault(0, 500000)
    points = sorted(tempo_at.items())
    point_ticks = [t for t, _ in points]
    point_seconds = [Fraction(0)]
    for (t0, tempo0), (t1, _) in zip(points, points[1:]):
        point_seconds.append(point_seconds[-1] + Fraction((t1 - t0) * tempo0, 10**6 * tpq))

    def seconds(tick):
        i = bisect.bisect_right(point_ticks, tick) - 1
        exact = point_seconds[i] + Fraction((tick - points[i][0]) * points[i][1], 10**6 * tpq)
        micros = round(exact * 10**6)  # Fraction rounds half to even
        return "%d.%06d" % (micros // 10**6, micros % 10**6)

    changes = collections.defaultdict(list)
    for ti, events in enumerate(tracks):
        for ei, (tick, msg) in enumerate(events):
            if msg.type == "program_change":
                changes[msg.channel].append((tick, ti, ei, msg.program))
    for c in changes.values():
        c.sort()
    change_keys = {ch: [(t, ti, ei) for t, ti, ei, _ in c] for ch, c in changes.items()}

    def program(channel, tick):
        c = changes.get(channel)
        if not c:
            return 0
        i = bisect.bisect_right(change_keys[channel], (tick, float("inf"), float("inf"))) - 1
        return c[i][3] if i >= 0 else 0

    rows = []
    for ti, events in enumerate(tracks):
        last_tick = events[-1][0] if events else 0
        open_notes = collections.defaultdict(collections.deque)
        for tick, msg in events:
            if msg.type == "note_on" and msg.velocity > 0:
                open_notes[(msg.channel, msg.note)].append((tick, msg.velocity))
            elif msg.type in ("note_on", "note_off"):
                queue = open_notes[(msg.channel, msg.note)]
                if queue:
                    start, velocity = queue.popleft()
                    rows.append((start, ti, msg.channel, msg.note, tick, velocity))
        for (channel, pitch), queue in open_notes.items():
            for start, velocity in queue:
                rows.append((start, ti, channel, pitch, max(start, last_tick), velocity))

    full = [(start, ti, ch, pitch, end, vel, program(ch, start)) for start, ti, ch, pitch, end, vel in rows]
    full.sort()
    lines = [HEADER]
    for start, ti, ch, pitch, end, vel, prog in full:
        lines.append("%d,%d,%d,%d,%d,%d,%d,%s,%s" % (ti, ch, prog, pitch, vel, start, end, seconds(start), seconds(end)))
    return "\n".join(lines) + "\n"


def main(paths):
    if len(paths) == 1:
        sys.stdout.write(notes_csv(paths[0]))
        return
    for path in paths:
        sys.stdout.write("== %s\n" % path)
        sys.stdout.write(notes_csv(path))


if __name__ == "__main__":
    main(sys.argv[1:])
