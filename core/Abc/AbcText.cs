namespace Euterpe.Core.Abc;

/// <summary>Small text helpers for ABC lines.</summary>
internal static class AbcText
{
    /// <summary>Cuts a % comment off a line (an escaped \% stays) and trims the end.</summary>
    public static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '%' && (i == 0 || line[i - 1] != '\\')) return line[..i].TrimEnd();
        }
        return line.TrimEnd();
    }

    /// <summary>Field text as a reader would show it: escapes such as \% undone.</summary>
    public static string Unescape(string text) => text.Replace("\\%", "%", StringComparison.Ordinal).Trim();

    /// <summary>True for a field line such as "T:title" (a letter then a colon at the start).</summary>
    public static bool IsField(string line) => line.Length >= 2 && line[1] == ':' && char.IsAsciiLetter(line[0]);
}
