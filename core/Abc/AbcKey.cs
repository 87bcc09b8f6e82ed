namespace Euterpe.Core.Abc;

/// <summary>
/// A parsed K: field: the alteration (in semitones) the key gives each letter C…B, plus the
/// equivalent MIDI key signature (sharps/flats count and whether it is minor).
/// </summary>
internal sealed class AbcKey
{
    private static readonly int[] LetterFifths = [0, 2, 4, -1, 1, 3, 5]; // C D E F G A B on the circle of fifths
    private static readonly int[] SharpOrder = [3, 0, 4, 1, 5, 2, 6];      // F C G D A E B as letter indices
    private static readonly (string Prefix, int Offset, bool Minor)[] Modes =
    [
        ("maj", 0, false), ("ion", 0, false), ("mix", -1, false), ("dor", -2, false), ("phr", -4, false),
        ("lyd", 1, false), ("loc", -5, false), ("aeo", -3, true), ("min", -3, true), ("m", -3, true),
    ];

    private AbcKey(int[] alterations, int sharps, bool isMinor)
    {
        Alterations = alterations;
        Sharps = sharps;
        IsMinor = isMinor;
    }

    /// <summary>Semitone alteration per letter index (0 = C … 6 = B).</summary>
    public int[] Alterations { get; }

    public int Sharps { get; }

    public bool IsMinor { get; }

    public static readonly AbcKey CMajor = new(new int[7], 0, false);

    /// <summary>Letter index 0…6 for C…B (either case), or −1.</summary>
    public static int LetterIndex(char c) => char.ToUpperInvariant(c) switch
    {
        'C' => 0, 'D' => 1, 'E' => 2, 'F' => 3, 'G' => 4, 'A' => 5, 'B' => 6, _ => -1,
    };

    /// <summary>Parses a K: value such as "G", "Dphr ^F", "F#m", "Bb mixolydian", "HP", "none". Null when unreadable.</summary>
    public static AbcKey? Parse(string value)
    {
        var text = value.Trim();
        var alterations = new int[7];
        var sharps = 0;
        var minor = false;
        var pos = 0;
        if (text.Length == 0 || text.StartsWith("none", StringComparison.OrdinalIgnoreCase)) return CMajor;
        if (text.StartsWith("HP", StringComparison.Ordinal) || text.StartsWith("Hp", StringComparison.Ordinal))
        {
            // Highland pipes: HP is written without a signature, Hp with one, but both sound F# and C# with G natural.
            alterations[3] = 1;
            alterations[0] = 1;
            return new AbcKey(alterations, 2, false);
        }
        var letter = LetterIndex(text[0]);
        var firstWord = text.Split(' ', 2)[0];
        // Only a tonic, an accidental list or a voice property (clef=…) may open the field.
        if ((letter < 0 || !char.IsUpper(text[0])) && text[0] is not ('^' or '_' or '=') && !firstWord.Contains('=')
            && !firstWord.Equals("exp", StringComparison.Ordinal)) return null;
        if (letter >= 0 && char.IsUpper(text[0]))
        {
            var fifths = LetterFifths[letter];
            pos = 1;
            if (pos < text.Length && text[pos] == '#') { fifths += 7; pos++; }
            else if (pos < text.Length && text[pos] == 'b') { fifths -= 7; pos++; }
            while (pos < text.Length && text[pos] == ' ') pos++;
            var modeEnd = pos;
            while (modeEnd < text.Length && char.IsLetter(text[modeEnd])) modeEnd++;
            var mode = text[pos..modeEnd].ToLowerInvariant();
            if (mode.Length > 0)
            {
                var found = false;
                foreach (var (prefix, offset, isMinor) in Modes)
                {
                    if (mode.StartsWith(prefix, StringComparison.Ordinal) && (prefix != "m" || mode == "m" || mode.StartsWith("mi", StringComparison.Ordinal)))
                    {
                        fifths += offset;
                        minor = isMinor;
                        found = true;
                        break;
                    }
                }
                // A word that is no mode (clef=treble, exp…) leaves the key as it is.
                if (found) pos = modeEnd;
            }
            sharps = fifths;
            if (sharps is > 7 or < -7) return null;
            for (var i = 0; i < Math.Abs(sharps); i++)
            {
                if (sharps > 0) alterations[SharpOrder[i]] = 1;
                else alterations[SharpOrder[6 - i]] = -1;
            }
        }
        // Explicit accidentals after the key, e.g. "Dphr ^F" or "C^f^c^a"; after "exp" they replace the signature.
        while (pos < text.Length)
        {
            var c = text[pos];
            if (string.CompareOrdinal(text, pos, "exp", 0, 3) == 0)
            {
                Array.Clear(alterations);
                pos += 3;
                continue;
            }
            if (c is '^' or '_' or '=')
            {
                var alter = c == '^' ? 1 : c == '_' ? -1 : 0;
                pos++;
                if (pos < text.Length && text[pos] == c && c != '=') { alter *= 2; pos++; }
                if (pos < text.Length && LetterIndex(text[pos]) is var l and >= 0)
                {
                    alterations[l] = alter;
                    pos++;
                    continue;
                }
                return null;
            }
            if (c == ' ' || c == '\t') { pos++; continue; }
            break; // clef=, middle= and other voice properties are not pitches
        }
        return new AbcKey(alterations, sharps, minor);
    }
}
