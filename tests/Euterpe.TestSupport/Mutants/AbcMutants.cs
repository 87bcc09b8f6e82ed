using System.Text;

namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Seeded mutants of an ABC text for robustness tests: character flips, deletions and duplications, hostile tokens
/// (<c>/0</c>, <c>-1</c>, <c>2147483648</c>, huge numbers, control characters, very long lines), broken header
/// fields (L:, M:, Q:, K:, X:) and unbalanced brackets, ties, tuplets and quotes. The same text, seed and count
/// always give the same mutants.
/// </summary>
public static class AbcMutants
{
    /// <summary>Tokens a reader must refuse or read past without a crash, an exception type's text or a hang.</summary>
    private static readonly string[] HostileTokens =
    [
        "/0", "A/0", "z/0", "A0", "-1", "A-1", "2147483648", "A2147483648", "A/2147483648", "99999999999999999999",
        "A/4096/4096", "A//////////////", "(0", "(1", "(999999", "(3:0:0", "(3::", "[", "]", "[[", "]]", "{", "}",
        "\"", "\"^", "!", "!!", "+", "-", "--", ">>>>", "<<<<", ">", "|:", ":|", "::", "|]", "[|", "[1", "[2,", "[V:", "[K:",
        "[L:1/0]", "[M:0/0]", "[Q:1/4=0]", "[K:Q]", "^^^^A", "__", "=", "^3/0A", "^/A", "A''''''''''", "C,,,,,,,,,,,",
        "Z999999", "X999999", "x/", "&", "&&", "\\", "%", "\u0000", "\u0007", "\u001b[31m", "\r", "\t", "\u007f", "\u00e9",
        "\ud83c\udfb5", "\ud800", "\u2028", "\ufeff", "y", "T:", "P:A999", "P:((((((((A9)9)9)9)9)9)9)9)9", "%%MIDI ratio 0 0",
        "%%MIDI program -1", "%%MIDI channel 99", "%%begintext",
    ];

    private static readonly string[] BrokenHeaders =
    [
        "L:1/0", "L:0", "L:-1", "L:/", "L:1/2147483648", "L:", "L:abc", "L:1/8/8",
        "M:0/0", "M:-1/4", "M:4/", "M:/4", "M:2147483648/4", "M:1+2+/4", "M:++/4", "M:C||", "M:", "M:99999999/1",
        "Q:1/4=0", "Q:1/4=-1", "Q:=120", "Q:1/0=120", "Q:1/4=1e308", "Q:1/4=NaN", "Q:1/4=Infinity", "Q:abc", "Q:\"", "Q:1/4=",
        "K:Q", "K:H#", "K:C#######", "K:^", "K:exp ^", "K:Cb#", "K:", "K:none ^^", "X:", "X:-1", "X:99999999999", "X:abc",
        "V:", "V:\u0001", "T:\u001b[2J",
    ];

    /// <summary>
    /// <paramref name="count"/> mutants of <paramref name="abcText"/>, each made by one to four mutations drawn with
    /// <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<string> Create(string abcText, int seed, int count)
    {
        ArgumentNullException.ThrowIfNull(abcText);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var mutants = new List<string>(count);
        for (var m = 0; m < count; m++)
        {
            var text = new StringBuilder(abcText);
            var mutations = 1 + random.Next(4);
            for (var k = 0; k < mutations; k++) Mutate(text, random);
            mutants.Add(text.ToString());
        }
        return mutants;
    }

    private static void Mutate(StringBuilder text, Random random)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        switch (random.Next(10))
        {
            case 0: // flip one character to another printable or control character
                if (text.Length > 0) text[Math.Min(at, text.Length - 1)] = (char)random.Next(0, 128);
                break;
            case 1: // delete a run
                if (text.Length > 0)
                {
                    var start = Math.Min(at, text.Length - 1);
                    text.Remove(start, Math.Min(1 + random.Next(12), text.Length - start));
                }
                break;
            case 2: // duplicate a run in place
                if (text.Length > 0)
                {
                    var start = Math.Min(at, text.Length - 1);
                    var run = text.ToString(start, Math.Min(1 + random.Next(40), text.Length - start));
                    text.Insert(start, run);
                }
                break;
            case 3 or 4: // a hostile token
                text.Insert(at, HostileTokens[random.Next(HostileTokens.Length)]);
                break;
            case 5: // a broken header field on a line of its own
                text.Insert(LineStart(text, at), BrokenHeaders[random.Next(BrokenHeaders.Length)] + "\n");
                break;
            case 6: // a huge number
                text.Insert(at, new string((char)('1' + random.Next(9)), 7 + random.Next(40)));
                break;
            case 7: // a very long line of notes or of one character (5 to 20 KB)
                var length = 5000 + random.Next(15000);
                text.Insert(at, random.Next(2) == 0 ? Repeat("abcd efga|", length) : new string("A[(\"!{|z-^"[random.Next(10)], length));
                break;
            case 8: // an opening without its closing: bracket, tie, tuplet, quote, slur, grace
                text.Insert(at, "[({\"!+-"[random.Next(7)].ToString());
                break;
            default: // swap two lines
                var lines = text.ToString().Split('\n');
                if (lines.Length > 1)
                {
                    var a = random.Next(lines.Length);
                    var b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text.Clear().Append(string.Join('\n', lines));
                }
                break;
        }
    }

    private static int LineStart(StringBuilder text, int at)
    {
        var i = Math.Min(at, text.Length);
        while (i > 0 && text[i - 1] != '\n') i--;
        return i;
    }

    private static string Repeat(string unit, int length)
    {
        var builder = new StringBuilder(length + unit.Length);
        while (builder.Length < length) builder.Append(unit);
        return builder.ToString();
    }
}
