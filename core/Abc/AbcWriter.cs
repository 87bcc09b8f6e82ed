using System.Globalization;
using System.Text;
using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

/// <summary>
/// Writes a monophonic <see cref="NoteSequence"/> as an ABC tune that <see cref="AbcReader"/> reads back to the
/// same notes: gaps become rests, notes crossing bar lines are split and tied, accidentals follow the key
/// signature and last to the bar line.
/// </summary>
public static class AbcWriter
{
    private static readonly string[] MajorKeys = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"];
    private static readonly string[] MinorKeys = ["Abm", "Ebm", "Bbm", "Fm", "Cm", "Gm", "Dm", "Am", "Em", "Bm", "F#m", "C#m", "G#m", "D#m", "A#m"];

    /// <summary>
    /// Writes the notes of <paramref name="monophonic"/> (one at a time; an overlapping note cuts the one before it short).
    /// Meter and key come from the sequence's first time and key signatures (4/4 and C when absent). Lengths are written
    /// as fractions of the unit; ABC allows only power-of-two denominators (no tuplets are written), so for other ABC
    /// tools (abc2midi) the notes should lie on a grid of 2^k steps per quarter note.
    /// </summary>
    /// <param name="unitDenominator">ABC unit length 1/N (the L: field); 8 writes eighths as plain letters.</param>
    public static string Write(NoteSequence monophonic, int referenceNumber = 1, string? title = null, int unitDenominator = 8, int barsPerLine = 4)
    {
        ArgumentNullException.ThrowIfNull(monophonic);
        if (unitDenominator <= 0 || (unitDenominator & (unitDenominator - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(unitDenominator), "unit length must be 1/2^k");
        var ppq = monophonic.TicksPerQuarter;
        var meter = monophonic.TimeSignatures.Count > 0 ? monophonic.TimeSignatures.MinBy(t => t.Tick) : TimeSignature.Common;
        var keySignature = monophonic.KeySignatures.Count > 0 ? monophonic.KeySignatures.MinBy(k => k.Tick) : new KeySignature(0, 0, false);
        var keyName = (keySignature.IsMinor ? MinorKeys : MajorKeys)[Math.Clamp(keySignature.Sharps, -7, 7) + 7];
        var key = AbcKey.Parse(keyName)!;
        var barTicks = (long)ppq * 4 * meter.Numerator / meter.Denominator;
        if (barTicks <= 0) throw new ArgumentException("time signature gives an empty bar", nameof(monophonic));

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"X:{referenceNumber}\n");
        text.Append(CultureInfo.InvariantCulture, $"T:{title ?? monophonic.Title ?? "Untitled"}\n");
        text.Append(CultureInfo.InvariantCulture, $"M:{meter.Numerator}/{meter.Denominator}\n");
        text.Append(CultureInfo.InvariantCulture, $"L:1/{unitDenominator}\n");
        var bpm = 60_000_000.0 / monophonic.TempoMap.MicrosecondsPerQuarterAt(0);
        text.Append(CultureInfo.InvariantCulture, $"Q:1/4={Math.Round(bpm, 2)}\n");
        text.Append(CultureInfo.InvariantCulture, $"K:{keyName}\n");

        var body = new AbcBodyWriter(text, key, keySignature.Sharps, ppq * 4L, unitDenominator, barTicks, barsPerLine);
        var notes = monophonic.Notes.OrderBy(n => n.StartTick).ThenByDescending(n => n.Pitch).ToList();
        var time = 0L;
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            if (i + 1 < notes.Count && notes[i + 1].StartTick == note.StartTick) continue; // a chord: keep its top note
            var end = i + 1 < notes.Count ? Math.Min(note.EndTick, notes[i + 1].StartTick) : note.EndTick;
            var start = Math.Max(note.StartTick, time);
            if (end <= start) continue;
            if (start > time) body.Rest(time, start);
            body.Note(note.Pitch, start, end);
            time = end;
        }
        body.Finish(time);
        return text.ToString();
    }

    /// <summary>Writes the tune to a file atomically (a reader never sees half a file).</summary>
    public static void WriteFile(string path, NoteSequence monophonic, int referenceNumber = 1, string? title = null, int unitDenominator = 8)
    {
        var text = Write(monophonic, referenceNumber, title, unitDenominator);
        try
        {
            AtomicFile.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EuterpeException($"{path}: cannot write ({e.Message})", inner: e);
        }
    }
}
