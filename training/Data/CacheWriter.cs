using System.Text.Json;

namespace Euterpe.Training.Data;

/// <summary>
/// Writes cache folders (layout in <see cref="CacheManifest"/>). Everything goes to a temporary folder beside the
/// target, which is renamed into place only when complete, so an interrupted prepare leaves no half cache. An
/// existing cache is replaced; any other non-empty folder is refused.
/// </summary>
public static class CacheWriter
{
    /// <summary>Prepares <paramref name="dataFolder"/> straight into a cache, one shard in memory at a time.</summary>
    public static CacheManifest Prepare(string dataFolder, PrepareOptions options, string folder, Action<int, int, string>? progress = null) =>
        WriteAtomically(folder, temp => DatasetPreparer.PrepareInto(dataFolder, options, temp, progress));

    /// <summary>Writes a dataset already in memory.</summary>
    public static void Write(PreparedDataset dataset, string folder) => WriteAtomically(folder, temp =>
    {
        WriteShards(dataset, "train", dataset.Train, dataset.Manifest.Train, temp);
        WriteShards(dataset, "validation", dataset.Validation, dataset.Manifest.Validation, temp);
        return dataset.Manifest;
    });

    private static CacheManifest WriteAtomically(string folder, Func<string, CacheManifest> writeShards) =>
        AtomicFolder.Write(folder, CacheJson.ManifestName, "a prepared cache", temp =>
        {
            var manifest = writeShards(temp);
            SkippedFile.WriteList(temp, manifest.Skipped);
            // The manifest last: a folder with cache.json is a complete cache.
            File.WriteAllText(Path.Combine(temp, CacheJson.ManifestName), JsonSerializer.Serialize(manifest, CacheJson.Options) + "\n");
            return manifest;
        });

    private static void WriteShards(PreparedDataset dataset, string split, IReadOnlyList<PreparedSequence> pieces, CacheSplitSummary summary, string folder)
    {
        var shardOf = dataset.Manifest.Files.Where(f => f.Split == split).SelectMany(f => f.Pieces).Select(p => p.Shard).ToList();
        if (shardOf.Count != pieces.Count) throw new InvalidOperationException("manifest and pieces disagree");
        foreach (var shard in summary.Shards)
            ShardFiles.Write(folder, shard, [.. pieces.Where((_, i) => shardOf[i] == shard)], dataset.Manifest.FeatureLength);
    }
}
