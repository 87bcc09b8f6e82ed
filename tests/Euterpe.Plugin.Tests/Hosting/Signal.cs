namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>Small measurements on rendered audio.</summary>
internal static class Signal
{
    public static double Rms(IReadOnlyList<float> x, int start, int count)
    {
        double sum = 0;
        for (var i = start; i < start + count; i++) sum += (double)x[i] * x[i];
        return Math.Sqrt(sum / count);
    }

    public static float Peak(IReadOnlyList<float> x, int start, int count)
    {
        var peak = 0f;
        for (var i = start; i < start + count; i++) peak = Math.Max(peak, Math.Abs(x[i]));
        return peak;
    }

    /// <summary>Lag in [minLag, maxLag] with the highest normalized autocorrelation over the window.</summary>
    public static int BestPeriod(IReadOnlyList<float> x, int start, int length, int minLag, int maxLag)
    {
        var best = minLag;
        var bestScore = double.MinValue;
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            double dot = 0, a = 0, b = 0;
            for (var i = start; i < start + length; i++)
            {
                dot += (double)x[i] * x[i + lag];
                a += (double)x[i] * x[i];
                b += (double)x[i + lag] * x[i + lag];
            }
            var score = dot / Math.Sqrt(a * b + 1e-30);
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }
}
