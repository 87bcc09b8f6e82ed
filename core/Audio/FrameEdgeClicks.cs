namespace Euterpe.Core.Audio;

/// <summary>
/// How much a signal jumps at frame boundaries compared with elsewhere: decoding frames independently
/// (GRUV) leaves discontinuities ("clicks") every frame, overlap-add (STFT) should not.
/// </summary>
/// <param name="BoundaryCount">Frame boundaries inside the signal (indices k·frameLength, k ≥ 1).</param>
/// <param name="BoundaryEnergy">Sum of squared first differences x[b] − x[b−1] over the boundaries.</param>
/// <param name="InteriorMeanSquare">Mean squared first difference over every other position.</param>
public readonly record struct FrameEdgeClicks(int BoundaryCount, double BoundaryEnergy, double InteriorMeanSquare)
{
    /// <summary>Boundary energy relative to the typical step elsewhere; about <see cref="BoundaryCount"/> when there are no clicks.</summary>
    public double RelativeBoundaryEnergy => InteriorMeanSquare > 0 ? BoundaryEnergy / InteriorMeanSquare : BoundaryEnergy > 0 ? double.PositiveInfinity : 0;

    /// <summary>Mean boundary step over mean interior step (squared): about 1 without clicks, far above 1 with them.</summary>
    public double Ratio => BoundaryCount == 0 ? 0 : RelativeBoundaryEnergy / BoundaryCount;

    public static FrameEdgeClicks Measure(ReadOnlySpan<float> signal, int frameLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frameLength, 2);
        double boundary = 0, interior = 0;
        var boundaries = 0;
        var interiorCount = 0;
        for (var i = 1; i < signal.Length; i++)
        {
            var d = (double)signal[i] - signal[i - 1];
            if (i % frameLength == 0)
            {
                boundary += d * d;
                boundaries++;
            }
            else
            {
                interior += d * d;
                interiorCount++;
            }
        }

        return new FrameEdgeClicks(boundaries, boundary, interiorCount == 0 ? 0 : interior / interiorCount);
    }
}
