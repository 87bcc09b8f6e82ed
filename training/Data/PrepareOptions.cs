using Euterpe.Core.Encoding;

namespace Euterpe.Training.Data;

/// <summary>What <see cref="DatasetPreparer"/> does with a folder: encoding, split and the encoders' settings.</summary>
public sealed record PrepareOptions
{
    public DataEncoding Encoding { get; init; } = DataEncoding.Notes;

    /// <summary>Fraction of the files (not pieces) held out for validation.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    public ulong Seed { get; init; }

    public PerformanceEncodingOptions Performance { get; init; } = new();

    public NoteEncodingSettings Notes { get; init; } = new();
    /// <summary>
    /// Performance encoding of the melody only, as the n-gram sees it (skyline, on the note encoding's grid), played at
    /// <see cref="MelodyBpm"/> so that a sixteenth is exactly 10 steps of 10 ms: the same notes, for comparing the two.
    /// </summary>
    public bool Melody { get; init; }

    public const double MelodyBpm = 150;

    /// <summary>A shard is closed before it would pass this many tokens (token encodings).</summary>
    public long ShardTokens { get; init; } = 1L << 24;
}
