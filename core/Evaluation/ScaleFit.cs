using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Scale consistency (Mogren 2016's "scale consistency"): the fraction of melodic (non-drum) notes whose pitch class
/// lies in the best-fitting of the 24 major and natural-minor scales. Tonal music scores near 1; a chromatic line
/// 7/12. Notes are counted, not weighted by length. NaN without notes.
/// </summary>
public static class ScaleFit
{
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
            int major = 0, minor = 0;
            for (var pc = 0; pc < 12; pc++)
            {
                if (MusicalScale.Contains(MusicalScale.Major, tonic, pc)) major += counts[pc];
                if (MusicalScale.Contains(MusicalScale.NaturalMinor, tonic, pc)) minor += counts[pc];
            }
            best = Math.Max(best, Math.Max(major, minor));
        }
        return (double)best / total;
    }
}
