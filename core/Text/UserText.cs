using System.Text;

namespace Euterpe.Core.Text;

/// <summary>
/// Puts text that came from a user's file or command line into an error line: quoted, control characters and
/// non-ASCII escaped, and cut to a bounded length, so one bad token cannot flood a terminal or break a log line.
/// </summary>
public static class UserText
{
    /// <summary>The most characters of user text an error line quotes by default.</summary>
    public const int DefaultLimit = 80;

    /// <summary>
    /// Returns <paramref name="text"/> in double quotes, escaped (<c>\n</c>, <c>\t</c>, <c>\"</c>, <c>\\</c>,
    /// <c>\uXXXX</c>); text longer than <paramref name="limit"/> characters is cut and says how long it was.
    /// </summary>
    public static string Quote(string? text, int limit = DefaultLimit)
    {
        if (text is null) return "\"\"";
        var builder = new StringBuilder(Math.Min(text.Length, limit) + 24);
        builder.Append('"');
        AppendEscaped(builder, text.AsSpan(0, Math.Min(text.Length, limit)));
        builder.Append('"');
        if (text.Length > limit) builder.Append($"… ({text.Length} characters)");
        return builder.ToString();
    }

    /// <summary>
    /// Returns <paramref name="text"/> unquoted with control characters escaped and cut to <paramref name="limit"/>
    /// characters (with an ellipsis): for whole messages that must stay on one line.
    /// </summary>
    public static string OneLine(string text, int limit)
    {
        var builder = new StringBuilder(Math.Min(text.Length, limit) + 4);
        AppendEscaped(builder, text.AsSpan(0, Math.Min(text.Length, limit)), quotes: false);
        if (text.Length > limit) builder.Append('…');
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text, bool quotes = true)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\\' when quotes: builder.Append("\\\\"); break;
                case '"' when quotes: builder.Append("\\\""); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                        builder.Append($"\\u{(int)c:x4}");
                    else
                        builder.Append(c);
                    break;
            }
        }
    }
}
