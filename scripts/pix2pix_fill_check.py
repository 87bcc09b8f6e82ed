#!/usr/bin/env python3
"""Independent check of a pix2pix preset's fills (mido, numpy; not Euterpe's reader).

usage: pix2pix_fill_check.py EUTERPE_DLL PRESET WORK_DIR SONG.mid...   (env A, B: the bars to blank, default 6-7)

For each song: the notes starting in bars A..B are removed (MIDI written to WORK_DIR), `generate --infill --bars A-B`
fills them, and the fill (every note starting in those bars of the output) is compared with the pitched notes removed:
pitch-class histogram L1, share in the removed notes' best major/minor scale, share whose pitch is one of the removed
notes'. The baseline repeats bar A-1 over the hole, as a producer would copy a bar.
"""
import mido, sys, subprocess, os, numpy as np
cli, preset, out = sys.argv[1], sys.argv[2], sys.argv[3]
songs = sys.argv[4:]; A, B = int(os.environ.get("A", 6)), int(os.environ.get("B", 7))
def notes(m):
    res = []
    for ti, tr in enumerate(m.tracks):
        t = 0; on = {}
        for msg in tr:
            t += msg.time
            if msg.type == 'note_on' and msg.velocity > 0: on[(msg.channel, msg.note)] = (t, msg.velocity)
            elif msg.type in ('note_on', 'note_off') and (msg.channel, msg.note) in on:
                s, v = on.pop((msg.channel, msg.note)); res.append((ti, msg.channel, msg.note, s, t))
    return res
scales = [set((r + i) % 12 for i in ((0, 2, 4, 5, 7, 9, 11) if maj else (0, 2, 3, 5, 7, 8, 10))) for r in range(12) for maj in (1, 0)]
rows = []
for song in songs:
    m = mido.MidiFile(song); bar = 4 * m.ticks_per_beat; lo, hi = (A - 1) * bar, B * bar
    blank = mido.MidiFile(ticks_per_beat=m.ticks_per_beat, type=m.type)
    removed = [n for n in notes(m) if lo <= n[3] < hi and n[1] != 9]
    for tr in m.tracks:
        nt = mido.MidiTrack(); t = 0; abs_msgs = []
        for msg in tr:
            t += msg.time; abs_msgs.append((t, msg))
        drop = set()
        opened = {}
        for i, (t, msg) in enumerate(abs_msgs):
            if msg.type == 'note_on' and msg.velocity > 0:
                opened[(msg.channel, msg.note)] = i
                if lo <= t < hi: drop.add(i)
            elif msg.type in ('note_on', 'note_off') and (msg.channel, msg.note) in opened:
                if opened.pop((msg.channel, msg.note)) in drop: drop.add(i)
        last = 0
        for i, (t, msg) in enumerate(abs_msgs):
            if i in drop: continue
            nt.append(msg.copy(time=t - last)); last = t
        blank.tracks.append(nt)
    bpath = os.path.join(out, 'blank-' + os.path.basename(song)); fpath = os.path.join(out, 'fill-' + os.path.basename(song))
    blank.save(bpath)
    r = subprocess.run(['dotnet', cli, 'generate', preset, '--infill', bpath, '--bars', f'{A}-{B}', '--out', fpath], capture_output=True, text=True)
    if r.returncode: print(song, r.stderr.strip()); continue
    f = mido.MidiFile(fpath); fb = 4 * f.ticks_per_beat
    fill = [n for n in notes(f) if (A - 1) * fb <= n[3] < B * fb]
    def hist(ns):
        h = np.zeros(12)
        for n in ns: h[n[2] % 12] += 1
        return h / max(1, h.sum())
    best = max(scales, key=lambda s: sum(1 for n in removed if n[2] % 12 in s))
    inscale = np.mean([n[2] % 12 in best for n in fill]) if fill else float('nan')
    rp = {n[2] for n in removed}
    hit = np.mean([n[2] in rp for n in fill]) if fill else float('nan')
    prev = [n for n in notes(m) if lo - bar <= n[3] < lo and n[1] != 9]
    copy = [(n[0], n[1], n[2], n[3] + k * bar, n[4] + k * bar) for k in range(1, B - A + 2) for n in prev]
    cin = np.mean([n[2] % 12 in best for n in copy]) if copy else float('nan')
    chit = np.mean([n[2] in rp for n in copy]) if copy else float('nan')
    rows.append((len(removed), len(fill), np.abs(hist(fill) - hist(removed)).sum() if fill else float('nan'), inscale, hit,
                 len(copy), np.abs(hist(copy) - hist(removed)).sum() if copy else float('nan'), cin, chit))
    print(f'{os.path.basename(song)}: removed {len(removed)}, filled {len(fill)}, pc L1 {rows[-1][2]:.2f}, in the removed notes\' scale {inscale:.2f}, pitch among removed {hit:.2f}')
a = np.array(rows, dtype=float)
print(f'mean over {len(rows)} songs: removed {a[:,0].mean():.1f}, filled {a[:,1].mean():.1f}, pc L1 {np.nanmean(a[:,2]):.2f}, in scale {np.nanmean(a[:,3]):.2f}, pitch among removed {np.nanmean(a[:,4]):.2f}')
print(f'baseline (bar {A - 1} repeated): notes {a[:,5].mean():.1f}, pc L1 {np.nanmean(a[:,6]):.2f}, in scale {np.nanmean(a[:,7]):.2f}, pitch among removed {np.nanmean(a[:,8]):.2f}')
