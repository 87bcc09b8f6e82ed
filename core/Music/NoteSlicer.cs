namespace Euterpe.Core.Music;

/// <summary>
/// Cuts a window out of a sequence and moves it to time zero. The tempo, time and key signatures, programs and
/// controller values in force at the window's start are carried to its tick 0, so the slice plays as it did in place.
/// </summary>
public static class NoteSlicer
{
    /// <summary>The window [<paramref name="startSeconds"/>, <paramref name="endSeconds"/>) of wall-clock time.</summary>
    public static NoteSequence SliceSeconds(NoteSequence sequence, double startSeconds, double endSeconds, bool clipNotes = true)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (!(startSeconds >= 0) || !(endSeconds > startSeconds)) throw new ArgumentOutOfRangeException(nameof(endSeconds), "need 0 ≤ start < end");
        return SliceTicks(sequence, sequence.TempoMap.SecondsToTick(startSeconds), sequence.TempoMap.SecondsToTick(endSeconds), clipNotes);
    }

    /// <summary>Bars <paramref name="firstBar"/> … <paramref name="firstBar"/> + <paramref name="barCount"/> − 1 (bars counted from 0).</summary>
    public static NoteSequence SliceBars(NoteSequence sequence, int firstBar, int barCount, bool clipNotes = true)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barCount);
        return SliceTicks(sequence, BarGrid.BarStartTick(sequence, firstBar), BarGrid.BarStartTick(sequence, firstBar + barCount), clipNotes);
    }

    /// <summary>
    /// The window [<paramref name="startTick"/>, <paramref name="endTick"/>). With <paramref name="clipNotes"/> every note sounding in it
    /// is cut to the window; without, only notes that start in it are kept, whole.
    /// </summary>
    public static NoteSequence SliceTicks(NoteSequence sequence, long startTick, long endTick, bool clipNotes = true)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (startTick < 0 || endTick <= startTick) throw new ArgumentOutOfRangeException(nameof(endTick), "need 0 ≤ start < end");
        var map = sequence.TempoMap;
        var tempoMap = map.TicksPerSecond is not null
            ? map // fixed SMPTE rate: shifting changes nothing
            : new TempoMap(sequence.TicksPerQuarter,
                map.Changes.Where(c => c.Tick > startTick && c.Tick < endTick).Select(c => c with { Tick = c.Tick - startTick })
                    .Prepend(new TempoChange(0, map.MicrosecondsPerQuarterAt(startTick))));
        var slice = new NoteSequence(sequence.TicksPerQuarter, tempoMap) { Title = sequence.Title };
        slice.Tracks.AddRange(sequence.Tracks);

        foreach (var note in sequence.Notes)
        {
            long s, e;
            if (clipNotes)
            {
                if (note.EndTick <= startTick || note.StartTick >= endTick) continue;
                s = Math.Max(note.StartTick, startTick);
                e = Math.Min(note.EndTick, endTick);
            }
            else
            {
                if (note.StartTick < startTick || note.StartTick >= endTick) continue;
                s = note.StartTick;
                e = note.EndTick;
            }
            slice.Notes.Add(SequenceCopy.Retime(slice, note, s - startTick, e - startTick));
        }

        slice.TimeSignatures.AddRange(Window(sequence.TimeSignatures, t => t.Tick, t => t, startTick, endTick, (t, tick) => t with { Tick = tick }));
        slice.KeySignatures.AddRange(Window(sequence.KeySignatures, k => k.Tick, k => k, startTick, endTick, (k, tick) => k with { Tick = tick }));
        slice.ControlChanges.AddRange(Window(sequence.ControlChanges, c => c.Tick, c => (c.Track, c.Channel, c.Controller), startTick, endTick,
            (c, tick) => c with { Tick = tick, Seconds = tempoMap.TickToSeconds(tick) }));
        slice.PitchBends.AddRange(Window(sequence.PitchBends, p => p.Tick, p => (p.Track, p.Channel), startTick, endTick,
            (p, tick) => p with { Tick = tick, Seconds = tempoMap.TickToSeconds(tick) }));
        slice.ProgramChanges.AddRange(Window(sequence.ProgramChanges, p => p.Tick, p => (p.Track, p.Channel), startTick, endTick,
            (p, tick) => p with { Tick = tick, Seconds = tempoMap.TickToSeconds(tick) }));
        slice.Sort();
        return slice;
    }

    /// <summary>
    /// Events inside the window, shifted; plus, per <paramref name="stateKey"/>, the last event before the window moved to tick 0
    /// (unless the window sets that state itself at its first tick).
    /// </summary>
    private static IEnumerable<T> Window<T, TKey>(List<T> events, Func<T, long> tick, Func<T, TKey> stateKey, long start, long end, Func<T, long, T> move)
        where TKey : notnull
    {
        var before = new Dictionary<TKey, T>();
        var inside = new List<T>();
        foreach (var e in events.OrderBy(tick))
        {
            var t = tick(e);
            if (t < start) before[stateKey(e)] = e;
            else if (t < end) inside.Add(move(e, t - start));
        }
        var setAtStart = inside.Where(e => tick(e) == 0).Select(stateKey).ToHashSet();
        return before.Where(kv => !setAtStart.Contains(kv.Key)).Select(kv => move(kv.Value, 0)).Concat(inside);
    }
}
