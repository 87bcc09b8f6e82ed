using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Chroma vectors of time segments: per segment, 12 bins holding how many ticks each pitch class sounds in it
/// (melodic notes only; a note held across a boundary counts in both segments). Shared by the self-similarity matrix
/// and the bar-chroma similarity.
/// </summary>
internal static class SegmentChroma
{
    /// <summary>Row i is segment i's chroma; <paramref name="segments"/> must be sorted and disjoint.</summary>
    public static double[,] Compute(NoteSequence sequence, IReadOnlyList<(long Start, long End)> segments)
    {
        var n = segments.Count;
        var features = new double[n, 12];
        var starts = segments.Select(s => s.Start).ToArray();
        foreach (var note in sequence.Notes)
        {
            if (note.IsDrum) continue;
            var first = Array.BinarySearch(starts, note.StartTick);
            if (first < 0) first = Math.Max(0, ~first - 1);
            for (var i = first; i < n && segments[i].Start < note.EndTick; i++)
            {
                var overlap = Math.Min(note.EndTick, segments[i].End) - Math.Max(note.StartTick, segments[i].Start);
                if (overlap > 0) features[i, note.Pitch % 12] += overlap;
            }
        }
        return features;
    }
}
