namespace Euterpe.Core.Evaluation;

/// <summary>
/// Note starts per second by spectral flux. Each frame's power spectrum in dB, floored at <see cref="DynamicRangeDb"/>
/// below the loudest bin of the whole signal; the flux of frame t (t ≥ 1; frame 0 has 0) is the mean over bins of the
/// dB rise from frame t − 1, rises only (max(0, ·)). Frame t is an onset when its flux is (1) the largest within
/// ±<see cref="PeakRadius"/> frames, (2) at least <see cref="DeltaDb"/> above the mean flux within ±<see cref="MeanRadius"/>
/// frames (windows cut at the signal's ends), and (3) at least <see cref="MinGap"/> frames after the previous onset.
/// The count over the signal's duration. With the 16 ms hop: peaks ±48 ms, mean over ±160 ms, onsets ≥ 48 ms apart.
/// </summary>
public static class OnsetRate
{
    public const double DynamicRangeDb = 80;
    public const int PeakRadius = 3;
    public const int MeanRadius = 10;
    public const double DeltaDb = 1.0;
    public const int MinGap = 3;

    /// <summary>The frames that are onsets, in order.</summary>
    public static List<int> Onsets(AudioSpectrogram spectrogram)
    {
        var count = spectrogram.FrameCount;
        var onsets = new List<int>();
        var max = 0.0;
        foreach (var frame in spectrogram.Power)
            foreach (var p in frame) max = Math.Max(max, p);
        if (count == 0 || max <= 0) return onsets;
        var floor = max * Math.Pow(10, -DynamicRangeDb / 10);
        var flux = new double[count];
        var previous = Decibels(spectrogram.Power[0], floor);
        for (var t = 1; t < count; t++)
        {
            var current = Decibels(spectrogram.Power[t], floor);
            var rise = 0.0;
            for (var k = 0; k < current.Length; k++) rise += Math.Max(0, current[k] - previous[k]);
            flux[t] = rise / current.Length;
            previous = current;
        }
        var last = int.MinValue;
        for (var t = 0; t < count; t++)
        {
            if (!IsPeak(flux, t)) continue;
            if (flux[t] < LocalMean(flux, t) + DeltaDb) continue;
            if (last != int.MinValue && t - last < MinGap) continue;
            onsets.Add(t);
            last = t;
        }
        return onsets;
    }

    /// <summary>Onsets over the signal's duration in seconds; NaN for an empty signal.</summary>
    public static double PerSecond(AudioSpectrogram spectrogram) =>
        spectrogram.SampleCount == 0 ? double.NaN : Onsets(spectrogram).Count / spectrogram.Seconds;

    private static double[] Decibels(double[] power, double floor)
    {
        var db = new double[power.Length];
        for (var k = 0; k < power.Length; k++) db[k] = 10 * Math.Log10(Math.Max(power[k], floor));
        return db;
    }

    private static bool IsPeak(double[] flux, int t)
    {
        for (var j = Math.Max(0, t - PeakRadius); j <= Math.Min(flux.Length - 1, t + PeakRadius); j++)
            if (flux[j] > flux[t]) return false;
        return true;
    }

    private static double LocalMean(double[] flux, int t)
    {
        var (from, to) = (Math.Max(0, t - MeanRadius), Math.Min(flux.Length - 1, t + MeanRadius));
        var sum = 0.0;
        for (var j = from; j <= to; j++) sum += flux[j];
        return sum / (to - from + 1);
    }
}
