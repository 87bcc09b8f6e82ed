namespace Euterpe.Core.Abc;

/// <summary>Reads a header P: field ("ABAC", "A2B", "(AB)3", "((AB)2C)2") into the list of parts to play.</summary>
internal static class AbcPartOrder
{
    private const int MaxParts = 1000; // keeps "(((A9)9)9)9" from growing without bound

    /// <summary>The part labels in playing order, or null when the field is not a part order.</summary>
    public static List<string>? Parse(string text)
    {
        var pos = 0;
        var parts = ParseSequence(text, ref pos, 0);
        return parts is null || pos < text.Length ? null : parts;
    }

    private static List<string>? ParseSequence(string text, ref int pos, int depth)
    {
        if (depth > 8) return null;
        var result = new List<string>();
        while (pos < text.Length && text[pos] != ')')
        {
            var c = text[pos];
            List<string>? item;
            if (c is ' ' or '.' or ',') { pos++; continue; }
            if (char.IsAsciiLetterUpper(c))
            {
                item = [c.ToString()];
                pos++;
            }
            else if (c == '(')
            {
                pos++;
                item = ParseSequence(text, ref pos, depth + 1);
                if (item is null || pos >= text.Length || text[pos] != ')') return null;
                pos++;
            }
            else return null;
            var count = 0;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]) && count < 100) count = count * 10 + (text[pos++] - '0');
            for (var k = 0; k < Math.Max(count, 1); k++)
            {
                result.AddRange(item);
                if (result.Count > MaxParts) return null;
            }
        }
        return result;
    }
}
