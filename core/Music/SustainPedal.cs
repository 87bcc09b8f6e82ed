namespace Euterpe.Core.Music;

/// <summary>
/// Applies the sustain pedal (CC64) the way a pianist hears it: a note released while the pedal is down on its channel
/// keeps sounding until the pedal comes up, unless the same key is struck again first, which ends the earlier note.
/// </summary>
public static class SustainPedal
{
    /// <summary>
    /// Returns a copy with note ends extended under the pedal (ticks and seconds). The pedal counts as down while the last
    /// CC64 value on the channel is ≥ <paramref name="threshold"/>; a pedal never lifted holds to the end of the sequence.
    /// Drum notes are left alone. The CC64 events themselves are kept.
    /// </summary>
    public static NoteSequence Apply(NoteSequence sequence, int threshold = 64)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var sequenceEnd = Math.Max(sequence.EndTick, sequence.ControlChanges.Count == 0 ? 0 : sequence.ControlChanges.Max(c => c.Tick));
        var pedals = new Dictionary<int, List<(long Down, long Up)>>();
        foreach (var channel in sequence.ControlChanges.Where(c => c.Controller == ControlChange.SustainPedal).GroupBy(c => c.Channel))
        {
            var intervals = new List<(long, long)>();
            long? downAt = null;
            // Stable order: events at one tick apply in the order they were read.
            foreach (var cc in channel.Select((c, i) => (c, i)).OrderBy(x => x.c.Tick).ThenBy(x => x.i).Select(x => x.c))
            {
                var down = cc.Value >= threshold;
                if (down && downAt is null) downAt = cc.Tick;
                else if (!down && downAt is { } d)
                {
                    if (cc.Tick > d) intervals.Add((d, cc.Tick));
                    downAt = null;
                }
            }
            if (downAt is { } open) intervals.Add((open, Math.Max(open, sequenceEnd)));
            pedals[channel.Key] = intervals;
        }

        // Onsets per (channel, pitch), sorted, to find the next strike of the same key.
        var strikes = sequence.Notes.GroupBy(n => (n.Channel, n.Pitch))
            .ToDictionary(g => g.Key, g => g.Select(n => n.StartTick).Order().ToArray());

        var result = SequenceCopy.WithoutNotes(sequence);
        foreach (var note in sequence.Notes)
        {
            if (note.IsDrum || !pedals.TryGetValue(note.Channel, out var intervals))
            {
                result.Notes.Add(note);
                continue;
            }
            var end = note.EndTick;
            foreach (var (down, up) in intervals)
            {
                if (down <= note.EndTick && note.EndTick < up)
                {
                    end = up;
                    break;
                }
            }
            if (end > note.EndTick)
            {
                var starts = strikes[(note.Channel, note.Pitch)];
                var i = Array.BinarySearch(starts, note.StartTick + 1);
                if (i < 0) i = ~i;
                if (i < starts.Length && starts[i] < end) end = Math.Max(note.EndTick, starts[i]);
            }
            result.Notes.Add(end == note.EndTick ? note : SequenceCopy.Retime(result, note, note.StartTick, end));
        }
        result.Sort();
        return result;
    }
}
