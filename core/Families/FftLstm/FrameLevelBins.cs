namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// The level classes of a raw-audio model's level head: a frame's level is 10·log10 of the mean square of its values
/// (real and imaginary parts), in dB, and class k covers [LowDb + k·StepDb, LowDb + (k + 1)·StepDb); levels below the
/// first class count as class 0, above the last as the last. Training gives each frame the class of the next frame's
/// level; generation draws a class and brings the predicted frame to a level inside it, so the level moves as the
/// music's does instead of settling where a mean-squared-error prediction is safest.
/// </summary>
public readonly record struct FrameLevelBins(int Count, float LowDb, float StepDb)
{
    /// <summary>Classes a level head has unless a run asks otherwise (2 dB each over the data's range).</summary>
    public const int DefaultCount = 48;

    /// <summary>Widest range the classes span: quieter frames than this under the loudest count as the quietest class.</summary>
    public const float MaxRangeDb = 96;

    private const double Floor = 1e-10;

    /// <summary>A frame's level in dB (mean square of its values; −100 dB for silence).</summary>
    public static float Db(ReadOnlySpan<float> frame) => (float)(10 * Math.Log10(MeanSquare(frame) + Floor));

    /// <summary>The mean square of a frame's values (0 for an empty frame).</summary>
    public static double MeanSquare(ReadOnlySpan<float> frame)
    {
        double sum = 0;
        foreach (var v in frame) sum += (double)v * v;
        return sum / Math.Max(1, frame.Length);
    }

    /// <summary>The class of a level.</summary>
    public int Bin(float db) => Math.Clamp((int)MathF.Floor((db - LowDb) / StepDb), 0, Count - 1);

    /// <summary>
    /// Classes spanning the levels of <paramref name="frames"/> (frames of <paramref name="frameSize"/> values): from the
    /// 1st percentile (at most <see cref="MaxRangeDb"/> under the top) to just above the 99.9th.
    /// </summary>
    public static FrameLevelBins Fit(ReadOnlySpan<float> frames, int frameSize, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var n = frames.Length / frameSize;
        if (n == 0) throw new ArgumentException("no frames", nameof(frames));
        var levels = new float[n];
        for (var i = 0; i < n; i++) levels[i] = Db(frames.Slice(i * frameSize, frameSize));
        Array.Sort(levels);
        var high = levels[Math.Min(n - 1, (int)(0.999 * n))] + 1;
        var low = Math.Max(levels[(int)(0.01 * n)], high - MaxRangeDb);
        if (!(high - low >= 1)) low = high - 1; // constant data: still a valid 1 dB range
        return new FrameLevelBins(count, low, (high - low) / count);
    }
}
