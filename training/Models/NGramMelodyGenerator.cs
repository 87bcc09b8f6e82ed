using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.Music;
using Euterpe.Core.Families.NGram;

namespace Euterpe.Training.Models;

/// <summary>
/// Turns an n-gram model into a melody of a given length in seconds: tokens are drawn (seeded), decoded on the
/// encoding's step grid at a fixed tempo, and the last note is cut at the requested length. With a primer the
/// output starts with the primer's melody (as the encoding hears it) and continues for the requested seconds.
/// </summary>
public static class NGramMelodyGenerator
{
    /// <summary>Longest output, so a typo in --seconds cannot ask for unbounded work.</summary>
    public const double MaxSeconds = 3600;

    public static NoteSequence Generate(NGramNoteModel model, MonophonicNoteEncoding encoding, double seconds, double bpm, double temperature, ulong seed, NoteSequence? primer = null)
    {
        if (!(seconds > 0 && seconds <= MaxSeconds)) throw new EuterpeException($"--seconds: {seconds} is not in (0, {MaxSeconds}]");
        if (!(temperature >= 0 && temperature <= 100)) throw new EuterpeException($"--temperature: {temperature} is not in 0..100");
        if (!(bpm >= 10 && bpm <= 400)) throw new EuterpeException($"--tempo: {bpm} bpm is not in 10..400");
        var primerTokens = primer is null ? [] : encoding.EncodePairs(primer);
        var primePitches = primerTokens.Select(t => t.PitchToken).ToArray();
        var primeDurations = primerTokens.Select(t => t.DurationToken).ToArray();
        var primerSteps = primerTokens.Sum(t => (long)encoding.DurationSteps[t.DurationToken]);
        var steps = (long)Math.Ceiling(seconds * bpm / 60 * encoding.StepsPerBeat);
        // Enough draws to fill the time even if every note were the shortest; the surplus is dropped.
        var count = (int)Math.Min(int.MaxValue, steps / encoding.DurationSteps[0] + 1);
        var (pitches, durations) = model.Generate(count, seed, temperature, primePitches, primeDurations);

        var tokens = new List<MonophonicToken>(primerTokens);
        long used = 0;
        for (var i = 0; i < count && used < steps; i++)
        {
            tokens.Add(new MonophonicToken(pitches[i], durations[i]));
            used += encoding.DurationSteps[durations[i]];
        }
        var decoded = encoding.DecodePairs(tokens.ToArray());
        var tempo = new TempoMap(decoded.TicksPerQuarter, [TempoChange.FromBpm(0, bpm)]);
        var result = new NoteSequence(decoded.TicksPerQuarter, tempo);
        var endTick = (long)Math.Round((double)(primerSteps + steps) * decoded.TicksPerQuarter / encoding.StepsPerBeat);
        foreach (var n in decoded.Notes)
            if (n.StartTick < endTick) result.AddNote(n.Pitch, n.Velocity, n.StartTick, Math.Min(n.EndTick, endTick));
        return result;
    }
}
