using Euterpe.Core.Music;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// Bar lines of a piece in ticks, from its time signatures (4/4 when it has none). A time-signature change starts a
/// new bar even in the middle of one. Bars run until the last note end.
/// </summary>
public static class BarGrid
{
    /// <summary>Most bars considered; protects against absurd note ends in corrupt input.</summary>
    public const int MaxBars = 1 << 20;

    public static IReadOnlyList<(long Start, long End)> Bars(NoteSequence sequence)
    {
        var end = sequence.EndTick;
        var signatures = sequence.TimeSignatures.OrderBy(t => t.Tick).ToList();
        if (signatures.Count == 0 || signatures[0].Tick > 0) signatures.Insert(0, TimeSignature.Common);
        var bars = new List<(long Start, long End)>();
        for (var i = 0; i < signatures.Count && signatures[i].Tick < end; i++)
        {
            var ts = signatures[i];
            var length = Math.Max(1, (long)Math.Round(ts.QuartersPerBar * sequence.TicksPerQuarter));
            var until = i + 1 < signatures.Count ? Math.Min(end, signatures[i + 1].Tick) : end;
            var hardStop = i + 1 < signatures.Count ? signatures[i + 1].Tick : long.MaxValue;
            for (var start = ts.Tick; start < until; start += length)
            {
                if (bars.Count >= MaxBars) throw new EuterpeException($"{sequence.Title ?? "sequence"}: more than {MaxBars} bars");
                bars.Add((start, Math.Min(start + length, hardStop)));
            }
        }
        return bars;
    }
}
