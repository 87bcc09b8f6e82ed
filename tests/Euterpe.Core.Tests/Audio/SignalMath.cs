namespace Euterpe.Core.Tests.Audio;

/// <summary>Reference signals and error measures shared by the audio tests.</summary>
internal static class SignalMath
{
    public static float[] Sine(int length, double frequency, int sampleRate, double amplitude = 0.5, double phase = 0)
    {
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate + phase));
        }

        return x;
    }

    /// <summary>Signal-to-noise ratio in dB of <paramref name="actual"/> against <paramref name="reference"/> over [from, to).</summary>
    public static double SnrDb(ReadOnlySpan<float> reference, ReadOnlySpan<float> actual, int from, int to)
    {
        double signal = 0, noise = 0;
        for (var i = from; i < to; i++)
        {
            signal += (double)reference[i] * reference[i];
            var e = (double)actual[i] - reference[i];
            noise += e * e;
        }

        return 10 * Math.Log10(signal / noise);
    }

    public static double Rms(ReadOnlySpan<float> x, int from, int to)
    {
        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += (double)x[i] * x[i];
        }

        return Math.Sqrt(sum / (to - from));
    }

    public static double MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double max = 0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }

        return max;
    }

    public static double MaxAbs(ReadOnlySpan<float> a)
    {
        double max = 0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    /// <summary>White noise in [-amplitude, amplitude] from a fixed seed.</summary>
    public static float[] Noise(int length, int seed, double amplitude = 0.5)
    {
        var random = new Random(seed);
        var x = new float[length];
        for (var i = 0; i < length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2 - 1) * amplitude);
        }

        return x;
    }
}
