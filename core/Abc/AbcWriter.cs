using System.Globalization;
using System.Text;
using Euterpe.Core.IO;
using Euterpe.Core.Music;

namespace Euterpe.Core.Abc;

/// <summary>
/// Writes a monophonic <see cref="NoteSequence"/> as an ABC tune that <see cref="AbcReader"/> reads back to the
/// same notes: gaps become rests, notes crossing bar lines are split and tied, accidentals follow the key
/// signature and last to the bar line.
/// </summary>
public static class AbcWriter
{
    private static readonly int[] LetterSemitones = [0, 2, 4, 5, 7, 9, 11];
    private const string Letters = "CDEFGAB";
    private static readonly string[] MajorKeys = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"];
    private static readonly string[] MinorKeys = ["Abm", "Ebm", "Bbm", "Fm", "Cm", "Gm", "Dm", "Am", "Em", "Bm", "F#m", "C#m", "G#m", "D#m", "A#m"];

    /// <summary>
    /// Writes the notes of <paramref name="monophonic"/> (one at a time; an overlapping note cuts the one before it short).
    /// Meter and key come from the sequence's first time and key signatures (4/4 and C when absent).
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

        var body = new BodyWriter(text, key, keySignature.Sharps, ppq * 4L, unitDenominator, barTicks, barsPerLine);
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

    /// <summary>Emits notes and rests, splitting at bar lines.</summary>
    private sealed class BodyWriter(StringBuilder text, AbcKey key, int sharps, long wholeTicks, int unitDenominator, long barTicks, int barsPerLine)
    {
        private readonly Dictionary<int, int> _barAccidentals = [];
        private long _barIndex;
        private int _barsOnLine;

        public void Rest(long start, long end)
        {
            foreach (var (s, e) in Split(start, end))
            {
                text.Append('z').Append(Length(e - s)).Append(' ');
                CloseBarIfFull(e);
            }
        }

        public void Note(int pitch, long start, long end)
        {
            var pieces = Split(start, end).ToList();
            for (var k = 0; k < pieces.Count; k++)
            {
                var (s, e) = pieces[k];
                text.Append(Pitch(pitch)).Append(Length(e - s));
                if (k + 1 < pieces.Count) text.Append('-');
                text.Append(' ');
                CloseBarIfFull(e);
            }
        }

        public void Finish(long time)
        {
            if (time == 0 || time % barTicks != 0) text.Append("|]\n");
            else
            {
                // The last bar line is already written: make it the final one.
                var trimmed = text.ToString().TrimEnd();
                text.Clear().Append(trimmed.EndsWith('|') ? trimmed[..^1] : trimmed).Append("|]\n");
            }
        }

        private IEnumerable<(long Start, long End)> Split(long start, long end)
        {
            while (start < end)
            {
                var barEnd = (start / barTicks + 1) * barTicks;
                var pieceEnd = Math.Min(end, barEnd);
                yield return (start, pieceEnd);
                start = pieceEnd;
            }
        }

        private void CloseBarIfFull(long time)
        {
            if (time % barTicks != 0 || time / barTicks == _barIndex) return;
            _barIndex = time / barTicks;
            _barAccidentals.Clear();
            text.Append('|');
            if (++_barsOnLine >= barsPerLine)
            {
                text.Append('\n');
                _barsOnLine = 0;
            }
            else text.Append(' ');
        }

        /// <summary>A length in units: "", "2", "/2", "3/2", "/3"…</summary>
        private string Length(long ticks)
        {
            // ticks / (wholeTicks / unitDenominator), reduced.
            var numerator = ticks * unitDenominator;
            var denominator = wholeTicks;
            var g = Gcd(numerator, denominator);
            numerator /= g;
            denominator /= g;
            if (denominator == 1) return numerator == 1 ? "" : numerator.ToString(CultureInfo.InvariantCulture);
            return numerator == 1
                ? "/" + denominator.ToString(CultureInfo.InvariantCulture)
                : numerator.ToString(CultureInfo.InvariantCulture) + "/" + denominator.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>Spells a MIDI pitch as an ABC note with whatever accidental the key and bar require.</summary>
        private string Pitch(int pitch)
        {
            var (letter, alter) = Spell(pitch);
            var octave = (pitch - alter - LetterSemitones[letter] - 60) / 12;
            var sb = new StringBuilder();
            var current = _barAccidentals.TryGetValue(letter, out var a) ? a : key.Alterations[letter];
            if (current != alter)
            {
                sb.Append(alter switch { 2 => "^^", 1 => "^", 0 => "=", -1 => "_", _ => "__" });
                _barAccidentals[letter] = alter;
            }
            if (octave >= 1)
            {
                sb.Append(char.ToLowerInvariant(Letters[letter]));
                sb.Append('\'', octave - 1);
            }
            else
            {
                sb.Append(Letters[letter]);
                sb.Append(',', -octave);
            }
            return sb.ToString();
        }

        private (int Letter, int Alter) Spell(int pitch)
        {
            var pc = pitch % 12;
            (int, int)? best = null;
            var bestScore = int.MaxValue;
            for (var letter = 0; letter < 7; letter++)
            {
                var alter = ((pc - LetterSemitones[letter]) % 12 + 12) % 12;
                if (alter > 6) alter -= 12;
                if (alter is < -1 or > 1) continue;
                // Prefer what the key already gives, then naturals, then sharps in sharp keys and flats in flat keys.
                var score = key.Alterations[letter] == alter ? 0 : alter == 0 ? 1 : (alter > 0) == (sharps >= 0) ? 2 : 3;
                if (score < bestScore) { bestScore = score; best = (letter, alter); }
            }
            return best!.Value;
        }

        private static long Gcd(long a, long b)
        {
            while (b != 0) (a, b) = (b, a % b);
            return a == 0 ? 1 : a;
        }
    }
}
