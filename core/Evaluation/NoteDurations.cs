using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// How long melodic (non-drum) notes last, in seconds: the median, the 90th percentile (linear interpolation, as
/// numpy.percentile) and the share of notes longer than <see cref="LongSeconds"/> — stuck or drone-like notes that a
/// model failed to end. NaN without notes.
/// </summary>
public static class NoteDurations
{
    /// <summary>A note longer than this counts as long.</summary>
    public const double LongSeconds = 3.0;

    /// <summary>The durations of the melodic notes, sorted ascending (negative lengths read as 0).</summary>
    public static double[] SortedSeconds(NoteSequence sequence)
    {
        var durations = sequence.Notes.Where(n => !n.IsDrum).Select(n => Math.Max(0, n.DurationSeconds)).ToArray();
        Array.Sort(durations);
        return durations;
    }

    public static double Median(NoteSequence sequence) => SampleStatistics.QuantileOfSorted(SortedSeconds(sequence), 0.5);

    public static double Percentile90(NoteSequence sequence) => SampleStatistics.QuantileOfSorted(SortedSeconds(sequence), 0.9);

    /// <summary>The fraction of melodic notes longer than <see cref="LongSeconds"/>.</summary>
    public static double LongShare(NoteSequence sequence)
    {
        var durations = SortedSeconds(sequence);
        return durations.Length == 0 ? double.NaN : (double)durations.Count(d => d > LongSeconds) / durations.Length;
    }
}
