using System.Globalization;
using Euterpe.Core.Music;

namespace Euterpe.Core.Midi;

/// <summary>
/// The notes of a sequence as CSV, one row per note (what <c>euterpe midi notes</c> prints):
/// sorted by start tick, track, channel, pitch (then the remaining columns, so equal keys print in one order);
/// seconds with six decimals in the invariant culture. With PPQ timing the seconds are computed exactly from the
/// ticks and the tempo map and rounded half to even, so the text does not depend on floating-point rounding
/// (a note at exactly x.xxxxxx5 s prints the same from any correct implementation); SMPTE timing prints the doubles.
/// </summary>
public static class NoteCsv
{
    public const string Header = "track,channel,program,pitch,velocity,start_tick,end_tick,start_s,end_s";

    public static void Write(NoteSequence seq, TextWriter output)
    {
        output.Write(Header);
        output.Write('\n');
        var notes = seq.Notes.ToArray();
        Array.Sort(notes, Compare);
        var clock = seq.TempoMap.TicksPerSecond is null ? new ExactClock(seq.TempoMap) : null;
        foreach (var n in notes)
        {
            var start = clock?.Format(n.StartTick) ?? n.StartSeconds.ToString("F6", CultureInfo.InvariantCulture);
            var end = clock?.Format(n.EndTick) ?? n.EndSeconds.ToString("F6", CultureInfo.InvariantCulture);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{n.Track},{n.Channel},{n.Program},{n.Pitch},{n.Velocity},{n.StartTick},{n.EndTick},{start},{end}\n"));
        }
    }

    public static string ToCsv(NoteSequence seq)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(seq, writer);
        return writer.ToString();
    }

    private static int Compare(Note a, Note b)
    {
        var c = a.StartTick.CompareTo(b.StartTick);
        if (c == 0) c = a.Track.CompareTo(b.Track);
        if (c == 0) c = a.Channel.CompareTo(b.Channel);
        if (c == 0) c = a.Pitch.CompareTo(b.Pitch);
        if (c == 0) c = a.EndTick.CompareTo(b.EndTick);
        if (c == 0) c = a.Velocity.CompareTo(b.Velocity);
        if (c == 0) c = a.Program.CompareTo(b.Program);
        return c;
    }

    /// <summary>Tick → seconds in integer arithmetic: microseconds × ticks-per-quarter is an integer at every tick.</summary>
    private sealed class ExactClock
    {
        private readonly IReadOnlyList<TempoChange> _changes;
        private readonly Int128[] _scaledMicrosAtChange;
        private readonly int _ticksPerQuarter;

        public ExactClock(TempoMap map)
        {
            _changes = map.Changes;
            _ticksPerQuarter = map.TicksPerQuarter;
            _scaledMicrosAtChange = new Int128[_changes.Count];
            for (var i = 1; i < _changes.Count; i++)
                _scaledMicrosAtChange[i] = _scaledMicrosAtChange[i - 1] + (Int128)(_changes[i].Tick - _changes[i - 1].Tick) * _changes[i - 1].MicrosecondsPerQuarter;
        }

        public string Format(long tick)
        {
            int i = 0, hi = _changes.Count - 1; // last change at or before the tick
            while (i < hi)
            {
                var mid = (i + hi + 1) / 2;
                if (_changes[mid].Tick <= tick) i = mid; else hi = mid - 1;
            }
            var scaled = _scaledMicrosAtChange[i] + (Int128)(tick - _changes[i].Tick) * _changes[i].MicrosecondsPerQuarter;
            var micros = Int128.DivRem(scaled, _ticksPerQuarter);
            var q = micros.Quotient;
            var twice = 2 * micros.Remainder;
            if (twice > _ticksPerQuarter || (twice == _ticksPerQuarter && !Int128.IsEvenInteger(q))) q++;
            return string.Create(CultureInfo.InvariantCulture, $"{q / 1_000_000}.{(long)(q % 1_000_000):D6}");
        }
    }
}
