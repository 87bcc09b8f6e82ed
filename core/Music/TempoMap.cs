namespace Euterpe.Core.Music;

/// <summary>
/// Converts between ticks and seconds. With a PPQ division the tempo changes decide the rate;
/// with an SMPTE division the rate is fixed (ticks per second) and tempo events do not change timing.
/// </summary>
public sealed class TempoMap
{
    private readonly TempoChange[] _changes;
    private readonly double[] _secondsAtChange;

    public TempoMap(int ticksPerQuarter, IEnumerable<TempoChange>? changes = null)
    {
        if (ticksPerQuarter <= 0) throw new ArgumentOutOfRangeException(nameof(ticksPerQuarter), "ticks per quarter must be positive");
        TicksPerQuarter = ticksPerQuarter;
        // Later events at the same tick win, as they do when a player applies them in order.
        var sorted = (changes ?? [])
            .Select((c, i) => (c, i))
            .OrderBy(x => x.c.Tick).ThenBy(x => x.i)
            .GroupBy(x => x.c.Tick)
            .Select(g => g.Last().c)
            .ToList();
        if (sorted.Count == 0 || sorted[0].Tick != 0) sorted.Insert(0, new TempoChange(0, TempoChange.DefaultMicrosecondsPerQuarter));
        _changes = [.. sorted];
        _secondsAtChange = new double[_changes.Length];
        for (var i = 1; i < _changes.Length; i++)
        {
            var span = _changes[i].Tick - _changes[i - 1].Tick;
            _secondsAtChange[i] = _secondsAtChange[i - 1] + span * _changes[i - 1].MicrosecondsPerQuarter / 1e6 / ticksPerQuarter;
        }
    }

    private TempoMap(double ticksPerSecond)
    {
        TicksPerSecond = ticksPerSecond;
        _changes = [new TempoChange(0, TempoChange.DefaultMicrosecondsPerQuarter)];
        _secondsAtChange = [0];
    }

    /// <summary>A map for an SMPTE time division: frames per second × ticks per frame.</summary>
    public static TempoMap ForSmpte(double framesPerSecond, int ticksPerFrame) => new(framesPerSecond * ticksPerFrame);

    /// <summary>Ticks per quarter note (PPQ); 0 for SMPTE timing.</summary>
    public int TicksPerQuarter { get; }

    /// <summary>Fixed ticks per second for SMPTE timing; null for PPQ timing.</summary>
    public double? TicksPerSecond { get; }

    public IReadOnlyList<TempoChange> Changes => _changes;

    public double TickToSeconds(long tick)
    {
        if (TicksPerSecond is { } tps) return tick / tps;
        var i = IndexAt(tick);
        return _secondsAtChange[i] + (tick - _changes[i].Tick) * _changes[i].MicrosecondsPerQuarter / 1e6 / TicksPerQuarter;
    }

    public double SecondsToTickExact(double seconds)
    {
        if (TicksPerSecond is { } tps) return seconds * tps;
        var i = Array.BinarySearch(_secondsAtChange, seconds);
        if (i < 0) i = ~i - 1;
        i = Math.Max(i, 0);
        return _changes[i].Tick + (seconds - _secondsAtChange[i]) * 1e6 * TicksPerQuarter / _changes[i].MicrosecondsPerQuarter;
    }

    public long SecondsToTick(double seconds) => (long)Math.Round(SecondsToTickExact(seconds));

    /// <summary>The tempo in force at a tick, in microseconds per quarter note.</summary>
    public int MicrosecondsPerQuarterAt(long tick) => _changes[IndexAt(tick)].MicrosecondsPerQuarter;

    private int IndexAt(long tick)
    {
        int lo = 0, hi = _changes.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_changes[mid].Tick <= tick) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
