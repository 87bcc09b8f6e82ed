using System.Globalization;
using System.Text;

namespace Euterpe.Core.Abc;

/// <summary>Emits notes and rests, splitting at bar lines.</summary>
internal sealed class AbcBodyWriter(StringBuilder text, AbcKey key, int sharps, long wholeTicks, int unitDenominator, long barTicks, int barsPerLine)
{
    private static readonly int[] LetterSemitones = [0, 2, 4, 5, 7, 9, 11];
    private const string Letters = "CDEFGAB";

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
