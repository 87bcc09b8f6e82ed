using Euterpe.Core.Encoding;

namespace Euterpe.Training.Data;

/// <summary>
/// cache.json: what a prepared cache holds. Layout of the folder (every array little-endian .npy, C order):
/// <list type="bullet">
/// <item><c>SHARD.tokens.npy</c>: int32, the tokens of the shard's pieces concatenated (token encodings).</item>
/// <item><c>SHARD.offsets.npy</c>: int64, pieces + 1 entries; piece i is tokens (or windows) [offsets[i], offsets[i+1]).</item>
/// <item><c>SHARD.features.npy</c>: float32 (pieces, 14), conditioning features per piece (performance; abc: of the piece's plain melody).</item>
/// <item><c>SHARD.windows.npy</c>: float32 (windows, steps, 128) piano-roll windows (pianoroll only).</item>
/// <item><c>skipped.txt</c>: one <c>path: reason</c> line per file left out.</item>
/// </list>
/// Shards are named <c>train-000</c>, <c>validation-000</c>, …; pieces keep the order of <see cref="Files"/>.
/// </summary>
public sealed record CacheManifest
{
    public const int CurrentFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>"performance", "notes", "pianoroll" or "abc".</summary>
    public required string Encoding { get; init; }

    /// <summary>Token vocabulary size (0 for piano rolls).</summary>
    public int VocabularySize { get; init; }

    /// <summary>The data folder, as an absolute path when prepared.</summary>
    public required string Data { get; init; }

    public ulong Seed { get; init; }

    public double ValidationFraction { get; init; }

    public PerformanceEncodingOptions? Performance { get; init; }

    public NoteEncodingSettings? Notes { get; init; }

    /// <summary>Values per piece in the features arrays (performance and abc: 14; otherwise 0).</summary>
    public int FeatureLength { get; init; }

    public required IReadOnlyList<CacheFileEntry> Files { get; init; }

    public required IReadOnlyList<SkippedFile> Skipped { get; init; }

    public required CacheSplitSummary Train { get; init; }

    public required CacheSplitSummary Validation { get; init; }
}
