using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Inter-onset intervals: the gaps in seconds between successive distinct onset times (ticks) of melodic
/// (non-drum) notes, so a chord is one onset. Summarised by the median and the coefficient of variation (population
/// standard deviation / mean): 0 for a metronomic pulse, larger for freer rhythm. NaN with fewer than two onsets.
/// </summary>
public static class InterOnsetIntervals
{
    public static double[] Seconds(NoteSequence sequence)
    {
        var onsets = sequence.Notes.Where(n => !n.IsDrum).Select(n => n.StartTick).Distinct().Order().ToArray();
        var map = sequence.TempoMap;
        var result = new double[Math.Max(0, onsets.Length - 1)];
        for (var i = 0; i < result.Length; i++) result[i] = map.TickToSeconds(onsets[i + 1]) - map.TickToSeconds(onsets[i]);
        return result;
    }

    public static double Median(NoteSequence sequence) => SampleStatistics.QuantileOfSorted([.. Seconds(sequence).Order()], 0.5);

    public static double CoefficientOfVariation(NoteSequence sequence)
    {
        var intervals = Seconds(sequence);
        var mean = SampleStatistics.Mean(intervals);
        return mean > 0 ? SampleStatistics.StandardDeviation(intervals) / mean : double.NaN;
    }
}
