using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Harmonic self-similarity: the mean cosine similarity between the chroma vectors (<see cref="SegmentChroma"/>,
/// tick-weighted pitch classes) of every pair of distinct non-empty bars — the mean of the off-diagonal cells of
/// <see cref="SelfSimilarityMatrix.PerBar"/> over sounding bars. Near 1 when every bar has the same harmony, lower
/// for pieces that move. Bars come from the time signatures as in <see cref="BarMetrics"/>. NaN with fewer than two
/// non-empty bars.
/// </summary>
public static class BarChromaSimilarity
{
    public static double Mean(NoteSequence sequence)
    {
        var bars = BarGrid.Bars(sequence);
        var chroma = SegmentChroma.Compute(sequence, bars);
        // The mean over pairs of unit vectors u_i is (|Σ u_i|² − m) / (m (m − 1)): linear in the bar count.
        var sum = new double[12];
        var nonEmpty = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            var norm = 0.0;
            for (var k = 0; k < 12; k++) norm += chroma[i, k] * chroma[i, k];
            if (norm == 0) continue;
            norm = Math.Sqrt(norm);
            for (var k = 0; k < 12; k++) sum[k] += chroma[i, k] / norm;
            nonEmpty++;
        }
        if (nonEmpty < 2) return double.NaN;
        var squared = sum.Sum(v => v * v);
        return (squared - nonEmpty) / ((double)nonEmpty * (nonEmpty - 1));
    }
}
