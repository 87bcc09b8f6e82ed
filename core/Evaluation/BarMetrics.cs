using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Per-bar metrics of MuseGAN (Dong et al. 2018). A note sounds in a bar when it overlaps it (a note held across a
/// bar line sounds in both), as in a piano roll. Drums are ignored.
/// </summary>
public static class BarMetrics
{
    /// <summary>Empty-bar rate (EB): the fraction of bars in which no note sounds. NaN when there are no bars.</summary>
    public static double EmptyBarRate(NoteSequence sequence)
    {
        var perBar = PitchClassesPerBar(sequence);
        return perBar.Length == 0 ? double.NaN : (double)perBar.Count(c => c == 0) / perBar.Length;
    }

    /// <summary>Used pitch classes per bar (UPC): distinct pitch classes (0…12) sounding in each bar.</summary>
    public static int[] PitchClassesPerBar(NoteSequence sequence)
    {
        var bars = BarGrid.Bars(sequence);
        var masks = new int[bars.Count];
        var starts = bars.Select(b => b.Start).ToArray();
        foreach (var n in sequence.Notes)
        {
            if (n.IsDrum) continue;
            var end = Math.Max(n.EndTick, n.StartTick + 1); // a zero-length note still sounds where it starts
            var first = Array.BinarySearch(starts, n.StartTick);
            if (first < 0) first = Math.Max(0, ~first - 1);
            for (var b = first; b < bars.Count && bars[b].Start < end; b++)
                if (bars[b].End > n.StartTick) masks[b] |= 1 << (n.Pitch % 12);
        }
        return [.. masks.Select(m => System.Numerics.BitOperations.PopCount((uint)m))];
    }

    /// <summary>Mean UPC over the bars that are not empty (so that it does not double-count emptiness). NaN if all are empty.</summary>
    public static double MeanUsedPitchClasses(NoteSequence sequence)
    {
        var used = PitchClassesPerBar(sequence).Where(c => c > 0).ToList();
        return used.Count == 0 ? double.NaN : used.Average();
    }
}
