using Euterpe.Core.Music;

namespace Euterpe.Core.Families.Refine;

/// <summary>
/// One voice of a piece as the refine nets read it: the pitched notes of one track and channel, in onset order (then
/// pitch), times in beats. <see cref="Indices"/> says which note of the sequence each one is, so a refined part can be
/// written back in place.
/// </summary>
public sealed class NotePart
{
    private NotePart(int[] indices, double[] onsets, double[] durations, int[] pitches, int[] velocities)
    {
        Indices = indices;
        Onsets = onsets;
        Durations = durations;
        Pitches = pitches;
        Velocities = velocities;
    }

    public int[] Indices { get; }

    /// <summary>Onsets in beats from the piece's start.</summary>
    public double[] Onsets { get; }

    /// <summary>Lengths in beats.</summary>
    public double[] Durations { get; }

    public int[] Pitches { get; }

    public int[] Velocities { get; }

    public int Count => Onsets.Length;

    /// <summary>
    /// The beats from each note's onset to the next onset of the part (0 for a note of a chord that is not its last;
    /// the last note's own length for the last note).
    /// </summary>
    public double Gap(int i) => i + 1 < Count ? Onsets[i + 1] - Onsets[i] : Durations[i];

    /// <summary>The pitched parts of <paramref name="sequence"/> (drums left out), each in onset order.</summary>
    public static List<NotePart> Split(NoteSequence sequence)
    {
        var tpq = (double)sequence.TicksPerQuarter;
        var parts = new List<NotePart>();
        var groups = sequence.Notes.Select((n, i) => (Note: n, Index: i)).Where(x => !x.Note.IsDrum)
            .GroupBy(x => (x.Note.Track, x.Note.Channel)).OrderBy(g => g.Key.Track).ThenBy(g => g.Key.Channel);
        foreach (var group in groups)
        {
            var notes = group.OrderBy(x => x.Note.StartTick).ThenBy(x => x.Note.Pitch).ToArray();
            parts.Add(new NotePart(
                [.. notes.Select(x => x.Index)],
                [.. notes.Select(x => x.Note.StartTick / tpq)],
                [.. notes.Select(x => (x.Note.EndTick - x.Note.StartTick) / tpq)],
                [.. notes.Select(x => x.Note.Pitch)],
                [.. notes.Select(x => x.Note.Velocity)]));
        }
        return parts;
    }

    /// <summary><paramref name="length"/> notes from note <paramref name="start"/> on (the last one's gap becomes its own length).</summary>
    public NotePart Slice(int start, int length) => new(Indices[start..(start + length)], Onsets[start..(start + length)],
        Durations[start..(start + length)], Pitches[start..(start + length)], Velocities[start..(start + length)]);

    /// <summary>The same notes with other onsets and durations (beats).</summary>
    public NotePart WithTiming(double[] onsets, double[] durations) => new(Indices, onsets, durations, Pitches, Velocities);

    /// <summary>The same notes with other velocities.</summary>
    public NotePart WithVelocities(int[] velocities) => new(Indices, Onsets, Durations, Pitches, velocities);
}
