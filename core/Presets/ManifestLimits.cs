using System.Globalization;
using System.Text;
using System.Text.Json;
using Euterpe.Core.Text;

namespace Euterpe.Core.Presets;

/// <summary>
/// The sane ranges of what a manifest may say, checked when it is read so that no number reaches the code that uses
/// it out of bounds (a step of 1e-300 s once made `generate` write nothing and `render` spin): numbers against ranges
/// every real preset sits well inside, and strings against lengths and control characters (a vocabulary token that is
/// a line feed, the ABC characters' line break, is the one control character let through).
/// </summary>
internal static class ManifestLimits
{
    /// <summary>Any string in a manifest (a unit, a data path, a token).</summary>
    public const int MaxText = 4096;

    /// <summary>Ids, display names, family and tensor names, file names.</summary>
    public const int MaxName = 200;

    public const double MinSecondsPerStep = 1e-4, MaxSecondsPerStep = 10;
    public const double MinStepsPerBeat = 1, MaxStepsPerBeat = 960;
    public const int MaxVocabulary = 1 << 20;
    public const int MinSampleRate = 4000, MaxSampleRate = 384000;
    public const int MinFrameSize = 2, MaxFrameSize = 1 << 16;
    public const int MaxRank = 8;
    public const long MaxDimension = 1 << 24;

    /// <summary>Elements in one state or conditioning tensor (256 MiB of floats): each is allocated when a model opens.</summary>
    public const long MaxTensorElements = 1 << 26;

    /// <summary>State pairs or conditioning inputs: one tensor each per step.</summary>
    public const int MaxTensors = 64;

    /// <summary>Conditioning ranges are user-facing values (densities, histogram weights), not astronomy.</summary>
    public const double MaxConditioningMagnitude = 1e9;

    /// <summary>Why a manifest's formatVersion cannot be read by this Euterpe (reads 1…<paramref name="current"/>), or null.</summary>
    public static string? FormatVersion(int version, int current) =>
        version < 1 ? $"formatVersion {version} is not valid (expected {current})"
        : version > current ? $"formatVersion {version} is newer than this Euterpe reads ({current}); update Euterpe"
        : null;

    /// <summary><c>WHAT VALUE is outside MIN…MAX</c> when <paramref name="value"/> (NaN included) is not in the range.</summary>
    public static string? Outside(string what, double value, double min, double max) =>
        value >= min && value <= max ? null : $"{what} {Number(value)} is outside {Number(min)}…{Number(max)}";

    // What a "too long" error quotes of the text: its start says which value it is; the rest would only fill the line.
    private const int LongTextQuote = 24;

    /// <summary>A problem with a name: empty, longer than <see cref="MaxName"/>, or holding a control character.</summary>
    public static string? Name(string what, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return $"missing {what}";
        if (value.Length > MaxName) return $"{what} {UserText.Quote(value, LongTextQuote)} is longer than {MaxName} characters";
        return null;
    }

    /// <summary>
    /// The first string (value or property name) anywhere in <paramref name="root"/> that is longer than
    /// <see cref="MaxText"/> or holds a control character, named by its JSON path.
    /// </summary>
    public static string? TextProblem(JsonElement root)
    {
        var path = new StringBuilder();
        return TextProblem(root, path);
    }

    private static string? TextProblem(JsonElement element, StringBuilder path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var where = path.Length == 0 ? "the manifest" : path.ToString();
                // The ABC character vocabulary names its line-break token by the character itself (vocabulary.tokens[1] = "\n").
                if (element.ValueEquals("\n") && where.StartsWith(VocabularyTokens, StringComparison.Ordinal)) return null;
                return StringProblem(where, element.GetString()!);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var mark = path.Length;
                    if (mark > 0) path.Append('.');
                    if (StringProblem($"property name at {(mark == 0 ? "the top" : path.ToString(0, mark))}", property.Name) is { } p) return p;
                    path.Append(property.Name);
                    if (TextProblem(property.Value, path) is { } q) return q;
                    path.Length = mark;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var mark = path.Length;
                    path.Append('[').Append(index++.ToString(CultureInfo.InvariantCulture)).Append(']');
                    if (TextProblem(item, path) is { } p) return p;
                    path.Length = mark;
                }
                return null;
            default:
                return null;
        }
    }

    private const string VocabularyTokens = "vocabulary.tokens[";

    private static string? StringProblem(string where, string text)
    {
        if (text.Length > MaxText) return $"{where}: {UserText.Quote(text, LongTextQuote)} is longer than {MaxText} characters";
        foreach (var c in text)
            if (char.IsControl(c)) return $"{where}: {UserText.Quote(text)} holds a control character";
        return null;
    }

    /// <summary>Shortest round-trip form, with a lower-case exponent and no plus: 1e-300, 1e308, 0.0001.</summary>
    public static string Number(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace('E', 'e');
}
