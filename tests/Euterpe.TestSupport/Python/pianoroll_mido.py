#!/usr/bin/python3
"""Writes the piano-roll clips of a MIDI file as .npy (uint8, (clips, 384, 128)), computed independently with mido.

The rules `data prepare --encoding pianoroll` documents: note_on velocity 0 is a note_off; a note_off closes the
earliest open note of the same (track, channel, pitch); a note never closed ends at its track's last message;
channel 10 (index 9) is drums and left out; a note covers grid steps [round(start), round(end)) and at least one,
at 24 steps a quarter note, halves rounded up; overlapping notes keep the louder velocity; clips are 384 steps
cut from tick 0, clips with no note left out. Usage: pianoroll_mido.py FILE OUT.npy
"""
import collections
import sys

import mido
import numpy

STEPS_PER_BEAT, CLIP, PITCHES = 24, 384, 128


def step(tick, tpq):
    return (2 * tick * STEPS_PER_BEAT + tpq) // (2 * tpq)


def notes(mid):
    for track in mid.tracks:
        tick, last = 0, 0
        open_notes = collections.defaultdict(collections.deque)
        for msg in track:
            tick += msg.time
            last = tick
            if msg.type == "note_on" and msg.velocity > 0:
                open_notes[(msg.channel, msg.note)].append((tick, msg.velocity))
            elif msg.type in ("note_on", "note_off"):
                queue = open_notes[(msg.channel, msg.note)]
                if queue:
                    start, velocity = queue.popleft()
                    yield msg.channel, msg.note, velocity, start, tick
        for (channel, pitch), queue in open_notes.items():
            for start, velocity in queue:
                yield channel, pitch, velocity, start, max(start, last)


def main():
    mid = mido.MidiFile(sys.argv[1])
    tpq = mid.ticks_per_beat
    clips = {}
    for channel, pitch, velocity, start, end in notes(mid):
        if channel == 9:
            continue
        first = step(start, tpq)
        last = max(step(end, tpq), first + 1)
        for s in range(first, last):
            roll = clips.setdefault(s // CLIP, numpy.zeros((CLIP, PITCHES), numpy.uint8))
            roll[s % CLIP, pitch] = max(roll[s % CLIP, pitch], velocity)
    ordered = [clips[k] for k in sorted(clips)]
    numpy.save(sys.argv[2], numpy.stack(ordered) if ordered else numpy.zeros((0, CLIP, PITCHES), numpy.uint8))


main()
