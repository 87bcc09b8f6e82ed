namespace Euterpe.Core.Audio;

/// <summary>
/// The GRUV frame layout: N real samples → their complex FFT (N bins, unscaled), unrolled into 2N floats
/// (all real parts, then all imaginary parts). Frames do not overlap and have no window, so decoding is the
/// real part of the inverse FFT (scaled by 1/N) and a long signal is the concatenation of decoded frames.
/// </summary>
public sealed class GruvFrameCodec : AudioFrameCodec
{
    public GruvFrameCodec(int frameLength)
        : base(Validate(frameLength), frameLength, halfSpectrum: false, Ones(frameLength), Ones(frameLength))
    {
    }

    private static int Validate(int frameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 1);
        return frameLength;
    }

    private static double[] Ones(int length)
    {
        var ones = new double[Math.Max(length, 0)];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
