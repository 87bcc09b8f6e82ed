using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Pitch-class histogram: how often (or, duration-weighted, how long) each of the 12 pitch classes C…B sounds,
/// normalised to sum to 1 (all zeros without notes). Drums are ignored. Two corpora are compared by
/// <see cref="L1Distance"/> (0 = same distribution, 2 = disjoint) and <see cref="KlDivergence"/>.
/// </summary>
public static class PitchClassHistogram
{
    public static double[] Compute(NoteSequence sequence, bool durationWeighted = false) => Compute([sequence], durationWeighted);

    /// <summary>One histogram over all notes of several pieces (each note weighs the same, whatever its piece).</summary>
    public static double[] Compute(IEnumerable<NoteSequence> sequences, bool durationWeighted = false)
    {
        var h = new double[12];
        foreach (var seq in sequences)
            foreach (var n in seq.Notes)
                if (!n.IsDrum) h[n.Pitch % 12] += durationWeighted ? Math.Max(0, n.DurationSeconds) : 1;
        var sum = h.Sum();
        if (sum > 0) for (var i = 0; i < 12; i++) h[i] /= sum;
        return h;
    }

    /// <summary>Number of pitch classes that occur at all.</summary>
    public static int UsedPitchClasses(NoteSequence sequence) => Compute(sequence).Count(v => v > 0);

    /// <summary>Sum of absolute differences, 0…2.</summary>
    public static double L1Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        if (p.Length != q.Length) throw new ArgumentException("histograms differ in length");
        var d = 0.0;
        for (var i = 0; i < p.Length; i++) d += Math.Abs(p[i] - q[i]);
        return d;
    }

    /// <summary>
    /// Kullback–Leibler divergence KL(p ‖ q) in nats, after adding <paramref name="epsilon"/> to every bin of both
    /// and renormalising, so that a pitch class missing from q gives a large but finite value.
    /// </summary>
    public static double KlDivergence(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double epsilon = 1e-6)
    {
        if (p.Length != q.Length) throw new ArgumentException("histograms differ in length");
        double sp = 0, sq = 0;
        for (var i = 0; i < p.Length; i++) { sp += p[i] + epsilon; sq += q[i] + epsilon; }
        var kl = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var a = (p[i] + epsilon) / sp;
            var b = (q[i] + epsilon) / sq;
            kl += a * Math.Log(a / b);
        }
        return kl;
    }
}
