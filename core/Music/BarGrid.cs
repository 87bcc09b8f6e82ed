namespace Euterpe.Core.Music;

/// <summary>
/// Bar lines of a sequence in ticks, from its time signatures (4/4 until the first one). A signature change
/// mid-bar starts a new bar. Shared by slicing (bar → tick) and the per-bar evaluation metrics.
/// </summary>
public static class BarGrid
{
    /// <summary>Most bars listed for one piece; protects against absurd note ends in corrupt input.</summary>
    public const int MaxBars = 1 << 20;

    /// <summary>Bars from tick 0 on, without end: each as its start and (exclusive) end tick.</summary>
    public static IEnumerable<(long Start, long End)> Enumerate(NoteSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        var signatures = sequence.TimeSignatures.OrderBy(t => t.Tick).ToList();
        if (signatures.Count == 0 || signatures[0].Tick > 0) signatures.Insert(0, TimeSignature.Common);
        var tick = 0L;
        var current = 0;
        while (true)
        {
            while (current + 1 < signatures.Count && signatures[current + 1].Tick <= tick) current++;
            var signature = signatures[current];
            var length = Math.Max(1L, (long)sequence.TicksPerQuarter * 4 * signature.Numerator / Math.Max(1, signature.Denominator));
            var next = tick + length;
            if (current + 1 < signatures.Count && signatures[current + 1].Tick < next) next = signatures[current + 1].Tick;
            yield return (tick, next);
            tick = next;
        }
    }

    /// <summary>The bars that cover the sequence up to its last note end.</summary>
    public static IReadOnlyList<(long Start, long End)> Bars(NoteSequence sequence)
    {
        var end = sequence.EndTick;
        var bars = new List<(long Start, long End)>();
        foreach (var bar in Enumerate(sequence))
        {
            if (bar.Start >= end) break;
            if (bars.Count >= MaxBars) throw new EuterpeException($"{sequence.Title ?? "sequence"}: more than {MaxBars} bars");
            bars.Add(bar);
        }
        return bars;
    }

    /// <summary>Tick at which bar <paramref name="bar"/> (counted from 0) begins.</summary>
    public static long BarStartTick(NoteSequence sequence, int bar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        return Enumerate(sequence).ElementAt(bar).Start;
    }
}
