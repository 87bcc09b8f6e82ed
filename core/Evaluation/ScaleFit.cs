using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Scale consistency (Mogren 2016's "scale consistency"): the fraction of melodic (non-drum) notes whose pitch class
/// lies in the best-fitting of the 24 major and natural-minor scales. Tonal music scores near 1; a chromatic line
/// 7/12. Notes are counted, not weighted by length. NaN without notes.
/// </summary>
public static class ScaleFit
{
    private static readonly int[] Major = [0, 2, 4, 5, 7, 9, 11];
    private static readonly int[] NaturalMinor = [0, 2, 3, 5, 7, 8, 10];

    public static double Compute(NoteSequence sequence)
    {
        var counts = new int[12];
        var total = 0;
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum) continue;
            counts[((n.Pitch % 12) + 12) % 12]++;
            total++;
        }
        if (total == 0) return double.NaN;
        var best = 0;
        for (var tonic = 0; tonic < 12; tonic++)
        {
            best = Math.Max(best, Major.Sum(step => counts[(tonic + step) % 12]));
            best = Math.Max(best, NaturalMinor.Sum(step => counts[(tonic + step) % 12]));
        }
        return (double)best / total;
    }
}
