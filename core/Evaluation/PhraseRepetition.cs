using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Phrase repetition: a window of <see cref="WindowBars"/> bars starts at every bar (bars from the time signatures, as
/// <see cref="BarMetrics"/>; only whole windows), and its content is the set of (onset quantised to a 16th from the
/// window's start, pitch) of the melodic notes starting in it. The metric is the fraction of non-empty windows whose
/// content equals that of another window of the piece — exact repeats of a phrase, anywhere, including overlapping
/// ones (a looped bar repeats every window). Composed music repeats; free improvisation and noise do not.
/// NaN when no whole window has a note.
/// </summary>
public static class PhraseRepetition
{
    public const int WindowBars = 4;

    public static double RepeatedWindowRate(NoteSequence sequence, int windowBars = WindowBars)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowBars);
        var bars = BarGrid.Bars(sequence);
        var notes = sequence.Notes.Where(n => !n.IsDrum).OrderBy(n => n.StartTick).ToArray();
        var starts = notes.Select(n => n.StartTick).ToArray();
        long tpq = sequence.TicksPerQuarter;
        var contents = new List<string>();
        for (var b = 0; b + windowBars <= bars.Count; b++)
        {
            var (windowStart, windowEnd) = (bars[b].Start, bars[b + windowBars - 1].End);
            var cells = new SortedSet<long>();
            for (var i = FirstAtOrAfter(starts, windowStart); i < notes.Length && notes[i].StartTick < windowEnd; i++)
            {
                // Round half up to a 16th (a quarter of a quarter note), in integers so that every implementation agrees.
                var sixteenth = (8 * (notes[i].StartTick - windowStart) + tpq) / (2 * tpq);
                cells.Add(sixteenth * 128 + notes[i].Pitch);
            }
            if (cells.Count > 0) contents.Add(string.Join(',', cells));
        }
        if (contents.Count == 0) return double.NaN;
        var counts = contents.CountBy(c => c).ToDictionary(kv => kv.Key, kv => kv.Value);
        return (double)contents.Count(c => counts[c] > 1) / contents.Count;
    }

    private static int FirstAtOrAfter(long[] sorted, long tick)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < tick) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
