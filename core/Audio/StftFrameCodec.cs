namespace Euterpe.Core.Audio;

/// <summary>
/// Short-time Fourier transform frames: a periodic Hann analysis window of N samples, hop H, and bins
/// 0..N/2 (N + 2 floats per frame). The synthesis window is the analysis window divided by the overlapping
/// sum of its squares, Σₖ w²(n + kH), so weighted overlap-add reconstructs the signal exactly for any hop
/// where that sum is never zero (e.g. H = N/2 or N/4); no COLA condition on the window itself is needed.
/// </summary>
public sealed class StftFrameCodec : AudioFrameCodec
{
    public StftFrameCodec(int frameLength, int hopLength)
        : base(Validate(frameLength, hopLength), hopLength, halfSpectrum: true, Hann(frameLength), Synthesis(frameLength, hopLength))
    {
    }

    /// <summary>Periodic Hann window: 0.5 − 0.5·cos(2πn/N).</summary>
    public static double[] Hann(int length)
    {
        var w = new double[length];
        for (var n = 0; n < length; n++)
        {
            w[n] = 0.5 - 0.5 * Math.Cos(2 * Math.PI * n / length);
        }

        return w;
    }

    private static double[] Synthesis(int frameLength, int hopLength)
    {
        var analysis = Hann(frameLength);
        var synthesis = new double[frameLength];
        for (var n = 0; n < frameLength; n++)
        {
            double sumOfSquares = 0;
            for (var m = n % hopLength; m < frameLength; m += hopLength)
            {
                sumOfSquares += analysis[m] * analysis[m];
            }

            if (sumOfSquares < 1e-9)
            {
                throw new ArgumentException($"hop {hopLength} leaves sample {n} of a {frameLength}-sample Hann frame uncovered; use a hop below the frame length");
            }

            synthesis[n] = analysis[n] / sumOfSquares;
        }

        return synthesis;
    }

    private static int Validate(int frameLength, int hopLength)
    {
        if (frameLength < 2 || frameLength % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frameLength), frameLength, "STFT frame length must be even and at least 2");
        }

        if (hopLength < 1 || hopLength >= frameLength)
        {
            throw new ArgumentOutOfRangeException(nameof(hopLength), hopLength, "STFT hop must be at least 1 and below the frame length");
        }

        return frameLength;
    }
}
