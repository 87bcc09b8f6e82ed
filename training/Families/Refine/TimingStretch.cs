using Euterpe.Core.Families.Refine;
using Euterpe.Core.Generation;

namespace Euterpe.Training.Families.Refine;

/// <summary>
/// The distortion the duration net learns to undo (the source's): every note's length and every gap between
/// consecutive onsets is multiplied by its own factor drawn uniformly from 1 ± <c>stretch</c>, and the onsets follow the
/// stretched gaps. Notes of a chord share their onset (a gap of 0 stays 0), so the rest after a note changes with both.
/// </summary>
public static class TimingStretch
{
    public static NotePart Apply(NotePart part, double stretch, RandomSource random)
    {
        var onsets = new double[part.Count];
        var durations = new double[part.Count];
        var at = part.Count > 0 ? part.Onsets[0] : 0;
        for (var i = 0; i < part.Count; i++)
        {
            onsets[i] = at;
            durations[i] = part.Durations[i] * Factor(stretch, random);
            var gap = i + 1 < part.Count ? part.Onsets[i + 1] - part.Onsets[i] : 0;
            if (gap > 0) at += gap * Factor(stretch, random);
        }
        return part.WithTiming(onsets, durations);
    }

    private static double Factor(double stretch, RandomSource random) => 1 + stretch * (2 * random.NextDouble() - 1);
}
