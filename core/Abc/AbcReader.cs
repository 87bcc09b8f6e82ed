using System.Globalization;
using Euterpe.Core.Music;
using Euterpe.Core.Text;

namespace Euterpe.Core.Abc;

/// <summary>
/// Reads ABC notation (the common subset of ABC 2.1 that folk-tune collections use) into performed
/// <see cref="NoteSequence"/>s, one per tune (X: … up to the next blank line).
/// </summary>
public static class AbcReader
{
    private const long MaxFileBytes = 64L << 20;

    /// <summary>The longest tune (in characters, X: line to blank line) the reader takes: far beyond any real tune.</summary>
    public const int MaxTuneChars = 4 << 20;

    /// <summary>Characters of a tune <see cref="ReadTuneStart"/> reads: minutes of music in any real tune.</summary>
    public const int TuneStartChars = 256 << 10;

    /// <summary>Reads every tune of an ABC file.</summary>
    public static IReadOnlyList<AbcTune> ReadTunes(string path) => ParseTunes(ReadText(path), path, int.MaxValue, long.MaxValue);

    /// <summary>Reads only the first tune of an ABC file: the tunes after it are not parsed at all.</summary>
    public static AbcTune ReadFirstTune(string path) => ParseTunes(ReadText(path), path, 1, long.MaxValue)[0];

    /// <summary>
    /// Reads the start of the first tune of an ABC file, its first <see cref="TuneStartChars"/> characters (up to the
    /// element there): what a primer's first seconds need, however long the tune.
    /// </summary>
    public static AbcTune ReadTuneStart(string path) => ParseTunes(ReadText(path), path, 1, TuneStartChars)[0];

    /// <summary>Parses ABC text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static IReadOnlyList<AbcTune> Parse(string text, string sourceName) => ParseTunes(text, sourceName, int.MaxValue, long.MaxValue);

    // Through the one checked reader: a regular file of at most MaxFileBytes (a FIFO or device named as an ABC file is refused, not waited on).
    private static string ReadText(string path) => IO.InputFile.ReadAllText(path, MaxFileBytes, "file of ABC tunes");

    private static List<AbcTune> ParseTunes(string text, string sourceName, int maxTunes, long musicBudget)
    {
        var tunes = new List<AbcTune>();
        var lines = text.Split('\n');
        AbcTuneBuilder? tune = null;
        var inTextBlock = false;
        for (var n = 0; n < lines.Length && tunes.Count < maxTunes; n++)
        {
            var line = lines[n].TrimEnd('\r');
            var lineNumber = n + 1;
            if (line.StartsWith("%%begintext", StringComparison.Ordinal)) { inTextBlock = true; continue; }
            if (inTextBlock)
            {
                if (line.StartsWith("%%endtext", StringComparison.Ordinal)) inTextBlock = false;
                continue;
            }
            if (line.StartsWith("X:", StringComparison.Ordinal))
            {
                if (tune is not null) tunes.Add(tune.Build());
                if (tunes.Count >= maxTunes) break;
                if (TuneLength(lines, n) > MaxTuneChars)
                    throw new AbcFormatException(sourceName, lineNumber, $"the tune is longer than {MaxTuneChars >> 20} MiB, too long to read as one tune");
                var number = line[2..].Trim();
                var digits = new string(number.TakeWhile(char.IsAsciiDigit).ToArray());
                if (digits.Length == 0 || digits.Length > 9)
                    throw new AbcFormatException(sourceName, lineNumber, $"reference number {UserText.Quote("X:" + number)} is not a number");
                tune = new AbcTuneBuilder(sourceName, int.Parse(digits, CultureInfo.InvariantCulture), lineNumber, musicBudget);
                continue;
            }
            if (tune is null) continue; // file header and free text between tunes
            if (string.IsNullOrWhiteSpace(line))
            {
                tunes.Add(tune.Build());
                tune = null;
                continue;
            }
            try
            {
                tune.AddLine(line, lineNumber);
            }
            catch (OverflowException)
            {
                throw new AbcFormatException(sourceName, lineNumber, "note lengths are too finely divided to add up exactly");
            }
        }
        if (tune is not null && tunes.Count < maxTunes) tunes.Add(tune.Build());
        if (tunes.Count == 0) throw new AbcFormatException(sourceName, 1, "no tune found (no X: line)");
        return tunes;
    }

    /// <summary>Characters of the tune whose X: line is <paramref name="start"/>, up to its blank line: measured before parsing.</summary>
    private static long TuneLength(string[] lines, int start)
    {
        var length = 0L;
        for (var n = start + 1; n < lines.Length && !string.IsNullOrWhiteSpace(lines[n]) && !lines[n].StartsWith("X:", StringComparison.Ordinal); n++)
            length += lines[n].Length + 1;
        return length;
    }
}
