namespace Euterpe.Core.Evaluation;

/// <summary>
/// Descriptive statistics the per-piece metrics share, defined as NumPy defines them so that the independent
/// cross-check agrees: quantiles interpolate linearly between order statistics (numpy.percentile's default) and the
/// standard deviation is the population one (ddof = 0). NaN for an empty sample.
/// </summary>
internal static class SampleStatistics
{
    /// <summary>The <paramref name="q"/>-quantile (0…1) of values already sorted ascending.</summary>
    public static double QuantileOfSorted(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) return double.NaN;
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Sum() / values.Count;

    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var mean = Mean(values);
        var squares = 0.0;
        foreach (var v in values) squares += (v - mean) * (v - mean);
        return Math.Sqrt(squares / values.Count);
    }
}
