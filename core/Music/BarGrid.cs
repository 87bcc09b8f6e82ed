namespace Euterpe.Core.Music;

/// <summary>Where bars begin, from a sequence's time signatures (4/4 until the first one). A signature change mid-bar starts a new bar.</summary>
public static class BarGrid
{
    /// <summary>Tick at which bar <paramref name="bar"/> (counted from 0) begins.</summary>
    public static long BarStartTick(NoteSequence sequence, int bar)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        ArgumentOutOfRangeException.ThrowIfNegative(bar);
        var signatures = sequence.TimeSignatures.OrderBy(t => t.Tick).ToList();
        if (signatures.Count == 0 || signatures[0].Tick > 0) signatures.Insert(0, TimeSignature.Common);
        var tick = 0L;
        var current = 0;
        for (var b = 0; b < bar; b++)
        {
            while (current + 1 < signatures.Count && signatures[current + 1].Tick <= tick) current++;
            var signature = signatures[current];
            var length = Math.Max(1L, (long)sequence.TicksPerQuarter * 4 * signature.Numerator / Math.Max(1, signature.Denominator));
            var next = tick + length;
            if (current + 1 < signatures.Count && signatures[current + 1].Tick < next) next = signatures[current + 1].Tick;
            tick = next;
        }
        return tick;
    }
}
