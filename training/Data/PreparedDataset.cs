namespace Euterpe.Training.Data;

/// <summary>
/// An encoded corpus split into train and validation pieces, with the manifest that describes it: what
/// <see cref="DatasetPreparer"/> builds, <see cref="CacheWriter"/> writes and <see cref="PreparedCache.Open"/> reads back.
/// </summary>
public sealed class PreparedDataset(CacheManifest manifest, IReadOnlyList<PreparedSequence> train, IReadOnlyList<PreparedSequence> validation)
{
    public CacheManifest Manifest { get; } = manifest;

    public DataEncoding Encoding { get; } = DataEncodings.Parse(manifest.Encoding, "cache.json");

    public IReadOnlyList<PreparedSequence> Train { get; } = train;

    public IReadOnlyList<PreparedSequence> Validation { get; } = validation;

    public IReadOnlyList<SkippedFile> Skipped => Manifest.Skipped;
}
