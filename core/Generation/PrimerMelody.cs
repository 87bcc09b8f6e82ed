using Euterpe.Core.Music;

namespace Euterpe.Core.Generation;

/// <summary>
/// The primer <c>generate --prime</c> starts from: the top melodic line (at each onset the highest note, which cuts
/// a lower note still sounding) of a piece's first seconds, drums left out. However long the file, the primer stays
/// a few seconds of melody, so priming costs little and the output stays near the length asked for.
/// </summary>
public static class PrimerMelody
{
    /// <summary>Seconds of the piece a primer takes when the command line does not say.</summary>
    public const double DefaultSeconds = 8;

    /// <summary>The longest primer: a start to continue from, not a piece to copy.</summary>
    public const double MaxSeconds = 60;

    /// <summary>Refuses a primer length outside (0, <see cref="MaxSeconds"/>].</summary>
    public static void CheckSeconds(double seconds)
    {
        if (!(seconds > 0) || seconds > MaxSeconds) throw new EuterpeException($"--prime-seconds: must be in (0, {MaxSeconds}] (got {seconds})");
    }

    /// <summary>
    /// The top line of the notes of <paramref name="piece"/> that start in its first <paramref name="seconds"/>, each cut
    /// at that limit; same tempo map and resolution as the piece.
    /// </summary>
    public static NoteSequence Take(NoteSequence piece, double seconds)
    {
        CheckSeconds(seconds);
        var limit = piece.TempoMap.SecondsToTick(seconds);
        var candidates = piece.Notes
            .Where(n => !n.IsDrum && n.StartTick < limit && n.EndTick > n.StartTick)
            .OrderBy(n => n.StartTick).ThenByDescending(n => n.Pitch);
        var melody = new List<Note>();
        foreach (var note in candidates)
        {
            if (melody.Count > 0)
            {
                var current = melody[^1];
                if (note.StartTick == current.StartTick) continue; // a lower note of the same onset
                if (current.EndTick > note.StartTick)
                {
                    if (note.Pitch <= current.Pitch) continue; // under a higher note still sounding
                    melody[^1] = current with { EndTick = note.StartTick };
                }
            }
            melody.Add(note);
        }
        var primer = new NoteSequence(piece.TicksPerQuarter, piece.TempoMap) { Title = piece.Title };
        primer.TimeSignatures.AddRange(piece.TimeSignatures.Where(t => t.Tick < limit));
        primer.KeySignatures.AddRange(piece.KeySignatures.Where(k => k.Tick < limit));
        foreach (var n in melody)
            primer.AddNote(n.Pitch, n.Velocity, n.StartTick, Math.Min(n.EndTick, limit), n.Channel, n.Program);
        return primer;
    }
}
