#!/usr/bin/python3
"""Per-family statistics of multi-track MIDI files on the 16-beat sixteenth grid, read independently of Euterpe (mido).

Usage: multitrack_stats.py [--label NAME] [--beats B] FILE.mid...
A note's family is drums on channel 10, else its channel's program (the last program_change at or before it, in any
track; 0 when none) in groups of eight (General MIDI). Time is ticks / ticks_per_beat, 4 steps a beat; clips are 16
beats from each file's start up to its last note's end (--beats B: each file is B beats long, as `generate --seconds`
made it, so silent clips at the end count too). Prints one summary over all files:
  clips; notes per clip; the drums' share of notes; families playing per clip; pitched polyphony (pitches of the
  non-drum families sounding at once, mean over the steps where any sounds: the GAN papers' rate, on a 16th grid);
  the share of steps where anything sounds; median pitched note length in sixteenths; and notes per clip by family.
"""
import bisect
import collections
import statistics
import sys

import mido

FAMILIES = ["Drums", "Piano", "Chromatic Percussion", "Organ", "Guitar", "Bass", "Strings", "Ensemble", "Brass", "Reed",
            "Pipe", "Synth Lead", "Synth Pad", "Synth Effects", "Ethnic", "Percussive", "Sound Effects"]
STEPS_PER_BEAT, BEATS_PER_CLIP = 4, 16
STEPS_PER_CLIP = STEPS_PER_BEAT * BEATS_PER_CLIP


def notes_of(path):
    """(family, pitch, start step, end step) of every note; ons and offs pair first in, first out per (track, channel, pitch)."""
    mid = mido.MidiFile(path)
    tpq = mid.ticks_per_beat
    programs = collections.defaultdict(list)
    for track in mid.tracks:
        tick = 0
        for msg in track:
            tick += msg.time
            if msg.type == "program_change":
                programs[msg.channel].append((tick, msg.program))
    for c in programs.values():
        c.sort(key=lambda p: p[0])

    def family(channel, tick):
        if channel == 9:
            return 0
        changes = programs.get(channel, [])
        i = bisect.bisect_right([t for t, _ in changes], tick) - 1
        return (changes[i][1] if i >= 0 else 0) // 8 + 1

    def step(tick):
        return (2 * tick * STEPS_PER_BEAT + tpq) // (2 * tpq)  # nearest step, halves up (as the encoding rounds)

    notes = []
    for track in mid.tracks:
        tick, open_notes = 0, collections.defaultdict(collections.deque)
        for msg in track:
            tick += msg.time
            if msg.type == "note_on" and msg.velocity > 0:
                open_notes[(msg.channel, msg.note)].append(tick)
            elif msg.type in ("note_on", "note_off") and open_notes[(msg.channel, msg.note)]:
                start = open_notes[(msg.channel, msg.note)].popleft()
                s = step(start)
                notes.append((family(msg.channel, start), msg.note, s, max(step(tick), s + 1)))
    return notes


def main(args):
    label, beats = "files", None
    while args[:1] in (["--label"], ["--beats"]):
        if args[0] == "--label":
            label = args[1]
        else:
            beats = int(args[1])
        args = args[2:]
    clips = 0
    notes_total = 0
    drums = 0
    by_family = collections.Counter()
    families_per_clip = []
    pitched_counts = []   # pitches sounding at each pitched-sounding step
    steps_with_sound = 0
    steps_total = 0
    lengths = []
    for path in args:
        notes = notes_of(path)
        if not notes and beats is None:
            continue
        end = beats * STEPS_PER_BEAT if beats is not None else max(n[3] for n in notes)
        file_clips = (end + STEPS_PER_CLIP - 1) // STEPS_PER_CLIP
        clips += file_clips
        sounding = collections.defaultdict(set)  # step -> (family, pitch) sounding
        playing = collections.defaultdict(set)   # clip -> families with a note starting in it
        for fam, pitch, start, stop in notes:
            notes_total += 1
            by_family[fam] += 1
            if fam == 0:
                drums += 1
            else:
                lengths.append(stop - start)
            playing[start // STEPS_PER_CLIP].add(fam)
            for s in range(start, stop):
                sounding[s].add((fam, pitch))
        for c in range(file_clips):
            families_per_clip.append(len(playing.get(c, ())))
        steps_total += file_clips * STEPS_PER_CLIP
        for s, cells in sounding.items():
            steps_with_sound += 1
            pitched = {p for f, p in cells if f != 0}
            if pitched:
                pitched_counts.append(len(pitched))
    if clips == 0 or notes_total == 0:
        print(f"{label}: no notes")
        return
    print(f"{label}: {len(args)} file(s), {clips} clips of 16 beats")
    print(f"  notes per clip {notes_total / clips:.1f}; drums {drums / notes_total:.3f} of notes; families per clip {statistics.mean(families_per_clip):.2f}")
    poly = statistics.mean(pitched_counts) if pitched_counts else 0
    median = statistics.median(lengths) if lengths else 0
    print(f"  pitched polyphony {poly:.3f}; steps with sound {steps_with_sound / steps_total:.3f}; median pitched note {median:g} sixteenths")
    print("  notes per clip by family: " + ", ".join(f"{FAMILIES[f]} {n / clips:.1f}" for f, n in sorted(by_family.items(), key=lambda x: -x[1])))


if __name__ == "__main__":
    main(sys.argv[1:])
