using System.Text;

namespace Euterpe.Core.Encoding;

/// <summary>
/// Character tokens for ABC tune bodies (the char-RNN set-up): four special tokens (padding, unknown,
/// start of tune, end of tune) followed by a fixed set of 96 characters, newline and printable ASCII 0x20…0x7E.
/// The set is fixed so that a model trained on one corpus can read another. Carriage returns are dropped, tabs read
/// as spaces, and any other character (accented letters in lyrics, say) becomes <see cref="Unknown"/>, which decodes
/// as U+FFFD.
/// </summary>
public static class AbcCharacterVocabulary
{
    public const int Padding = 0;
    public const int Unknown = 1;
    public const int StartOfTune = 2;
    public const int EndOfTune = 3;
    private const int FirstCharacter = 4;
    private const int FirstPrintable = FirstCharacter + 1; // after '\n'

    public const char UnknownReplacement = '\uFFFD';

    public static int VocabularySize => FirstPrintable + ('~' - ' ' + 1);

    public static int CharToToken(char c) => c switch
    {
        '\n' => FirstCharacter,
        '\t' => FirstPrintable,
        >= ' ' and <= '~' => FirstPrintable + (c - ' '),
        _ => Unknown,
    };

    /// <summary>The character of a token, or null for the special tokens.</summary>
    public static char? TokenToChar(int token)
    {
        if ((uint)token >= (uint)VocabularySize) throw new EuterpeException($"tokens: token {token} is outside the ABC vocabulary of {VocabularySize}");
        return token switch
        {
            Unknown => UnknownReplacement,
            < FirstCharacter => null,
            FirstCharacter => '\n',
            _ => (char)(' ' + token - FirstPrintable),
        };
    }

    /// <summary>Readable name of a token: the character itself, "\n", or &lt;pad&gt; &lt;unk&gt; &lt;s&gt; &lt;/s&gt;.</summary>
    public static string TokenName(int token) => token switch
    {
        Padding => "<pad>",
        Unknown => "<unk>",
        StartOfTune => "<s>",
        EndOfTune => "</s>",
        FirstCharacter => "\\n",
        _ => TokenToChar(token)!.Value.ToString(),
    };

    public static int[] Encode(string text, bool addStartAndEnd = false)
    {
        var tokens = new List<int>(text.Length + 2);
        if (addStartAndEnd) tokens.Add(StartOfTune);
        foreach (var c in text)
            if (c != '\r') tokens.Add(CharToToken(c));
        if (addStartAndEnd) tokens.Add(EndOfTune);
        return [.. tokens];
    }

    /// <summary>Text of the tokens; padding and start markers are skipped, decoding stops at the first end marker.</summary>
    public static string Decode(ReadOnlySpan<int> tokens)
    {
        var sb = new StringBuilder(tokens.Length);
        foreach (var token in tokens)
        {
            if (token == EndOfTune) break;
            if (TokenToChar(token) is { } c) sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits ABC file text into tunes: each starts at an X: line and runs to the next one; text before the
    /// first X: (the file header) is dropped.
    /// </summary>
    public static IReadOnlyList<string> SplitTunes(string fileText)
    {
        var tunes = new List<string>();
        StringBuilder? current = null;
        foreach (var line in Lines(fileText))
        {
            if (line.StartsWith("X:", StringComparison.Ordinal))
            {
                if (current is not null) tunes.Add(current.ToString());
                current = new StringBuilder();
            }
            current?.Append(line).Append('\n');
        }
        if (current is not null) tunes.Add(current.ToString());
        return tunes;
    }

    /// <summary>
    /// The music of one tune: lines after its K: header line, with comment lines (%, including %% directives),
    /// end-of-line comments and field lines (V:, w:, P:, a mid-tune K: …) removed, and trailing blank lines trimmed.
    /// A tune without K: is treated as having no header beyond its field lines.
    /// </summary>
    public static string ExtractBody(string tune)
    {
        var lines = Lines(tune).ToList();
        var keyLine = lines.FindIndex(l => l.StartsWith("K:", StringComparison.Ordinal));
        var sb = new StringBuilder();
        foreach (var raw in lines.Skip(keyLine + 1))
        {
            var line = StripComment(raw).TrimEnd();
            if (raw.StartsWith('%') || IsFieldLine(line)) continue;
            sb.Append(line).Append('\n');
        }
        var body = sb.ToString().TrimEnd('\n', ' ');
        return body.Length > 0 ? body + "\n" : "";
    }

    private static bool IsFieldLine(string line) => line.Length >= 2 && line[1] == ':' && (char.IsAsciiLetter(line[0]) || line[0] == '+');

    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\') i++; // \% is a literal percent sign
            else if (line[i] == '%') return line[..i];
        }
        return line;
    }

    private static IEnumerable<string> Lines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
}
