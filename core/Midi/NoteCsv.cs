using System.Globalization;
using Euterpe.Core.Music;

namespace Euterpe.Core.Midi;

/// <summary>
/// The notes of a sequence as CSV, one row per note (what <c>euterpe midi notes</c> prints):
/// sorted by start tick, track, channel, pitch (then the remaining columns, so equal keys print in one order);
/// seconds with six decimals in the invariant culture.
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
        foreach (var n in notes)
        {
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{n.Track},{n.Channel},{n.Program},{n.Pitch},{n.Velocity},{n.StartTick},{n.EndTick},{n.StartSeconds:F6},{n.EndSeconds:F6}\n"));
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
}
