using Euterpe.Core;
using Euterpe.Core.Presets;

namespace Euterpe.Training.Data;

/// <summary>The command-line and cache.json names of <see cref="DataEncoding"/> values.</summary>
public static class DataEncodings
{
    /// <summary>The token encodings a cache.json may name.</summary>
    public static readonly IReadOnlyList<string> Names = ["performance", "notes", "abc"];

    /// <summary>Audio frames (from WAV files), which have their own cache (audio.json) and no <see cref="DataEncoding"/>.</summary>
    public const string FftFrames = Representations.FftFrames;

    /// <summary>Piano-roll clips (<see cref="PianoRollCache"/>), which have their own cache (pianoroll.json) and no <see cref="DataEncoding"/>.</summary>
    public const string PianoRoll = PianoRollCache.EncodingName;

    /// <summary>17-track clips (<see cref="MultiTrackCache"/>), which have their own cache (multitrack.json) and no <see cref="DataEncoding"/>.</summary>
    public const string MultiTrack = MultiTrackCache.EncodingName;

    /// <summary>Every value <c>data prepare --encoding</c> takes: the one list its help and its errors give.</summary>
    public static readonly IReadOnlyList<string> CommandLineNames = [.. Names, FftFrames, PianoRoll, MultiTrack];

    /// <summary>An <c>--encoding</c> value: a token encoding, or null for <see cref="FftFrames"/>, <see cref="PianoRoll"/> and <see cref="MultiTrack"/>.</summary>
    public static DataEncoding? ParseCommandLine(string name) =>
        name.Equals(FftFrames, StringComparison.OrdinalIgnoreCase) || name.Equals(PianoRoll, StringComparison.OrdinalIgnoreCase)
        || name.Equals(MultiTrack, StringComparison.OrdinalIgnoreCase) ? null
        : Names.Contains(name.ToLowerInvariant()) ? Parse(name)
        : throw new EuterpeException($"--encoding: unknown encoding '{name}' (expected one of: {string.Join(", ", CommandLineNames)})");

    public static string Name(DataEncoding encoding) => encoding switch
    {
        DataEncoding.Performance => "performance",
        DataEncoding.Abc => "abc",
        _ => "notes",
    };

    public static DataEncoding Parse(string name, string source = "--encoding") => name.ToLowerInvariant() switch
    {
        "performance" => DataEncoding.Performance,
        "notes" => DataEncoding.Notes,
        "abc" => DataEncoding.Abc,
        _ => throw new EuterpeException($"{source}: unknown encoding '{name}' (expected one of: {string.Join(", ", Names)})"),
    };
}
