using System.Globalization;
using Euterpe.Core.Text;

namespace Euterpe.Core.Abc;

/// <summary>Readers for the values of the M:, L: and Q: fields.</summary>
internal static class AbcFields
{
    /// <summary>M: value → (numerator, denominator), or null for "none"; throws FormatException when unreadable.</summary>
    public static (int Numerator, int Denominator)? ParseMeter(string value)
    {
        var text = value.Trim();
        if (text.Length == 0 || text.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        if (text == "C") return (4, 4);
        if (text == "C|") return (2, 2);
        var slash = text.IndexOf('/');
        if (slash < 0) throw new FormatException($"meter {UserText.Quote(text)} is not N/D");
        var top = text[..slash].Trim().Trim('(', ')');
        var numerator = 0;
        foreach (var part in top.Split('+'))
        {
            numerator += ParseInt(part, "meter", text);
            if (numerator > 999_999) throw new FormatException($"meter {UserText.Quote(text)} has too many beats");
        }
        var denominator = ParseInt(text[(slash + 1)..], "meter", text);
        if (numerator <= 0 || denominator <= 0) throw new FormatException($"meter {UserText.Quote(text)} is not positive");
        return (numerator, denominator);
    }

    /// <summary>L: value such as "1/8" → fraction of a whole note.</summary>
    public static AbcFraction ParseLength(string value)
    {
        var text = value.Trim();
        var slash = text.IndexOf('/');
        var numerator = ParseInt(slash < 0 ? text : text[..slash], "length", text);
        var denominator = slash < 0 ? 1 : ParseInt(text[(slash + 1)..], "length", text);
        if (denominator == 0) throw new FormatException($"length {UserText.Quote(text)} divides by zero");
        var fraction = new AbcFraction(numerator, denominator);
        if (fraction.Numerator <= 0) throw new FormatException($"length {UserText.Quote(text)} is not positive");
        return fraction;
    }

    /// <summary>
    /// Q: value → microseconds per quarter. Forms: "1/4=120", "3/8=60", "\"Allegro\" 1/4=120", and the old bare "120"
    /// (quarters per minute, as abc2midi plays it). Null when the field names no speed.
    /// </summary>
    public static int? ParseTempo(string value)
    {
        var text = value.Trim();
        // Drop quoted words such as "Allegro".
        while (text.IndexOf('"') is var q && q >= 0)
        {
            var close = text.IndexOf('"', q + 1);
            text = close < 0 ? text[..q] : text[..q] + text[(close + 1)..];
        }
        text = text.Trim();
        if (text.Length == 0) return null;
        AbcFraction beat;
        string bpmText;
        var eq = text.IndexOf('=');
        if (eq < 0)
        {
            // The old bare form: abc2midi reads it as quarter notes per minute, whatever L: says.
            beat = new AbcFraction(1, 4);
            bpmText = text;
        }
        else
        {
            beat = AbcFraction.Zero;
            foreach (var part in text[..eq].Split(' ', StringSplitOptions.RemoveEmptyEntries)) beat += ParseLength(part);
            bpmText = text[(eq + 1)..];
        }
        if (!double.TryParse(bpmText.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bpm) || !double.IsFinite(bpm))
            throw new FormatException($"tempo {UserText.Quote(value.Trim())}: {UserText.Quote(bpmText.Trim())} is not a number of beats per minute");
        if (bpm <= 0 || beat.Numerator <= 0) throw new FormatException($"tempo {UserText.Quote(value.Trim())} is not positive");
        // Beats per minute of `beat` whole notes → quarters per minute.
        var quartersPerMinute = bpm * beat.ToDouble() * 4;
        var microseconds = Math.Round(60_000_000.0 / quartersPerMinute);
        if (microseconds is < 1 or > 60_000_000) throw new FormatException($"tempo {UserText.Quote(value.Trim())} is outside 1 to 60 million quarter notes per minute");
        return (int)microseconds;
    }

    /// <summary>A whole number of at most 6 digits in the <paramref name="what"/> field <paramref name="field"/>; our own message otherwise.</summary>
    private static int ParseInt(string text, string what, string field)
    {
        var digits = text.Trim();
        if (digits.Length is 0 or > 6 || !digits.All(char.IsAsciiDigit))
            throw new FormatException($"{what} {UserText.Quote(field)}: {UserText.Quote(digits)} is not a whole number of at most 6 digits");
        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
