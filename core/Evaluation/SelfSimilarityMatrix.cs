using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Self-similarity matrix: the piece is cut into bars (from its time signatures) or fixed windows of beats, each
/// segment becomes a 12-bin pitch-class vector weighted by how many ticks each pitch class sounds in it, and cell
/// (i, j) is the cosine similarity of segments i and j (1 = same harmony, 0 = nothing in common; two silent
/// segments count as 1, silence against sound as 0). Repetition shows as bright off-diagonal stripes.
/// Values are row-major, n × n.
/// </summary>
public sealed class SelfSimilarityMatrix
{
    private SelfSimilarityMatrix(int size, double[] values)
    {
        Size = size;
        Values = values;
    }

    public int Size { get; }

    public double[] Values { get; }

    public double this[int i, int j] => Values[i * Size + j];

    /// <summary>Per-bar matrix.</summary>
    public static SelfSimilarityMatrix PerBar(NoteSequence sequence) => FromSegments(sequence, BarGrid.Bars(sequence));

    /// <summary>Per-window matrix, windows of <paramref name="beats"/> quarter notes from tick 0.</summary>
    public static SelfSimilarityMatrix PerWindow(NoteSequence sequence, double beats)
    {
        if (!(beats > 0)) throw new ArgumentOutOfRangeException(nameof(beats), "window must be positive");
        var length = Math.Max(1, (long)Math.Round(beats * sequence.TicksPerQuarter));
        var end = sequence.EndTick;
        if (end / length > BarGrid.MaxBars) throw new EuterpeException($"{sequence.Title ?? "sequence"}: more than {BarGrid.MaxBars} windows");
        var segments = new List<(long, long)>();
        for (long s = 0; s < end; s += length) segments.Add((s, s + length));
        return FromSegments(sequence, segments);
    }

    /// <summary>Largest side an image gets by enlarging cells; a matrix bigger than this is drawn one pixel per cell.</summary>
    public const int MaxImageSide = 4096;

    /// <summary>
    /// Grayscale picture, white = 1, each cell drawn as a square of <paramref name="cellPixels"/> (fewer when that
    /// would pass <see cref="MaxImageSide"/>); row 0 at the top.
    /// </summary>
    public GrayscaleImage ToImage(int cellPixels = 4)
    {
        if (cellPixels < 1) throw new ArgumentOutOfRangeException(nameof(cellPixels), "cells need at least one pixel");
        cellPixels = Math.Max(1, Math.Min(cellPixels, MaxImageSide / Math.Max(1, Size)));
        var side = Math.Max(1, Size * cellPixels);
        var image = new GrayscaleImage(side, side);
        var pixels = image.Pixels.AsSpan();
        for (var i = 0; i < Size; i++)
        {
            var row = pixels.Slice(i * cellPixels * side, side);
            for (var j = 0; j < Size; j++) row.Slice(j * cellPixels, cellPixels).Fill((byte)Math.Round(255 * Math.Clamp(this[i, j], 0, 1)));
            for (var k = 1; k < cellPixels; k++) row.CopyTo(pixels.Slice((i * cellPixels + k) * side, side));
        }
        return image;
    }

    private static SelfSimilarityMatrix FromSegments(NoteSequence sequence, IReadOnlyList<(long Start, long End)> segments)
    {
        var n = segments.Count;
        if ((long)n * n > 1L << 26) throw new EuterpeException($"{sequence.Title ?? "sequence"}: {n} segments make too large a self-similarity matrix");
        var features = SegmentChroma.Compute(sequence, segments);
        var norms = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var k = 0; k < 12; k++) s += features[i, k] * features[i, k];
            norms[i] = Math.Sqrt(s);
        }
        var values = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                double sim;
                if (norms[i] == 0 || norms[j] == 0) sim = norms[i] == norms[j] ? 1 : 0;
                else
                {
                    var dot = 0.0;
                    for (var k = 0; k < 12; k++) dot += features[i, k] * features[j, k];
                    sim = dot / (norms[i] * norms[j]);
                }
                values[i * n + j] = values[j * n + i] = sim;
            }
        }
        return new SelfSimilarityMatrix(n, values);
    }
}
