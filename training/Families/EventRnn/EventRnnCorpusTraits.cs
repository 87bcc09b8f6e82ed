using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Training.Data;

namespace Euterpe.Training.Families.EventRnn;

/// <summary>
/// What generation needs to know of the training pieces beyond the weights, kept in the run config and the exported
/// model's metadata: the corpus's keys (<see cref="CorpusKeys"/>) and the length few of its notes exceed.
/// </summary>
public static class EventRnnCorpusTraits
{
    /// <summary>The share of training notes <see cref="LongNoteSeconds"/> leaves longer than it.</summary>
    public const double LongNoteShare = 0.01;

    /// <summary>
    /// The pieces' pitch-class histograms (their features, normalised; at most <see cref="CorpusKeys.MaxPieces"/>, taken
    /// evenly) and their average with each moved to C by its best-fitting major scale; empty when no piece has notes.
    /// </summary>
    public static (double[] ProfileInC, double[][] Pieces) Keys(IReadOnlyList<PreparedSequence> pieces)
    {
        var profile = new double[12];
        var histograms = new List<double[]>();
        foreach (var piece in pieces)
        {
            if (piece.Features is not { Length: >= 12 } features) continue;
            var histogram = new double[12];
            var sum = 0.0;
            for (var pc = 0; pc < 12; pc++) sum += histogram[pc] = Math.Max(0, features[pc]);
            if (!(sum > 0)) continue;
            for (var pc = 0; pc < 12; pc++) histogram[pc] /= sum;
            var tonic = MusicalScale.BestMajorTonic(histogram);
            for (var pc = 0; pc < 12; pc++) profile[pc] += histogram[(pc + tonic) % 12];
            histograms.Add(histogram);
        }
        if (histograms.Count == 0) return ([], []);
        for (var i = 0; i < 12; i++) profile[i] /= histograms.Count;
        var keep = Math.Min(histograms.Count, CorpusKeys.MaxPieces);
        return (profile, [.. Enumerable.Range(0, keep).Select(i => histograms[(int)((long)i * histograms.Count / keep)])]);
    }

    /// <summary>
    /// The length in seconds that all but <see cref="LongNoteShare"/> of the training notes keep within (their 99th
    /// percentile), decoded from the pieces' performance events; 0 without notes.
    /// </summary>
    public static double LongNoteSeconds(IReadOnlyList<PreparedSequence> pieces, PerformanceEncoding encoding)
    {
        var lengths = new List<double>();
        foreach (var piece in pieces)
            foreach (var note in encoding.Decode(piece.Tokens).Notes)
                lengths.Add(note.DurationSeconds);
        if (lengths.Count == 0) return 0;
        lengths.Sort();
        return lengths[(int)Math.Round((1 - LongNoteShare) * (lengths.Count - 1))];
    }
}
