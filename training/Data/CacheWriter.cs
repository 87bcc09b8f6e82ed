using System.Text;
using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.IO;

namespace Euterpe.Training.Data;

/// <summary>
/// Writes a <see cref="PreparedDataset"/> as a cache folder (layout in <see cref="CacheManifest"/>). Everything goes
/// to a temporary folder beside the target, which is renamed into place only when complete, so an interrupted
/// prepare leaves no half cache. An existing cache is replaced; any other non-empty folder is refused.
/// </summary>
public static class CacheWriter
{
    public static void Write(PreparedDataset dataset, string folder)
    {
        var target = Path.GetFullPath(folder);
        if (File.Exists(target)) throw new EuterpeException($"{folder}: is a file, not a folder");
        if (Directory.Exists(target) && !File.Exists(Path.Combine(target, CacheJson.ManifestName)) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new EuterpeException($"{folder}: exists and is not a prepared cache; refusing to overwrite it");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temp);
        try
        {
            WriteShards(dataset, "train", dataset.Train, dataset.Manifest.Train, temp);
            WriteShards(dataset, "validation", dataset.Validation, dataset.Manifest.Validation, temp);
            var skipped = new StringBuilder();
            foreach (var s in dataset.Skipped) skipped.Append(s.Path).Append(": ").Append(s.Reason).Append('\n');
            File.WriteAllText(Path.Combine(temp, CacheJson.SkippedName), skipped.ToString());
            // The manifest last: a folder with cache.json is a complete cache.
            File.WriteAllText(Path.Combine(temp, CacheJson.ManifestName), JsonSerializer.Serialize(dataset.Manifest, CacheJson.Options) + "\n");
            Replace(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void Replace(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        var old = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.old");
        Directory.Move(target, old);
        Directory.Move(temp, target);
        TryDelete(old);
    }

    private static void WriteShards(PreparedDataset dataset, string split, IReadOnlyList<PreparedSequence> pieces, CacheSplitSummary summary, string folder)
    {
        var shardOf = dataset.Manifest.Files.Where(f => f.Split == split).SelectMany(f => f.Pieces).Select(p => p.Shard).ToList();
        if (shardOf.Count != pieces.Count) throw new InvalidOperationException("manifest and pieces disagree");
        var isRoll = dataset.Encoding == DataEncoding.PianoRoll;
        foreach (var shard in summary.Shards)
        {
            var members = pieces.Where((_, i) => shardOf[i] == shard).ToList();
            var offsets = new long[members.Count + 1];
            for (var i = 0; i < members.Count; i++) offsets[i + 1] = offsets[i] + (isRoll ? members[i].WindowCount : members[i].Tokens.Length);
            NpyFormat.Write(Path.Combine(folder, $"{shard}.offsets.npy"), NpyArray.From(offsets, offsets.Length));
            if (isRoll)
            {
                var options = dataset.Manifest.PianoRoll!;
                var windowSize = (long)options.WindowSteps * 128 * options.TrackCount;
                var values = new float[checked((int)(offsets[^1] * windowSize))];
                for (var i = 0; i < members.Count; i++) members[i].Windows!.CopyTo(values, offsets[i] * windowSize);
                long[] shape = options.TrackCount == 1 ? [offsets[^1], options.WindowSteps, 128] : [offsets[^1], options.WindowSteps, 128, options.TrackCount];
                NpyFormat.Write(Path.Combine(folder, $"{shard}.windows.npy"), NpyArray.From(values, shape));
                continue;
            }
            var tokens = new int[checked((int)offsets[^1])];
            for (var i = 0; i < members.Count; i++) members[i].Tokens.CopyTo(tokens, offsets[i]);
            NpyFormat.Write(Path.Combine(folder, $"{shard}.tokens.npy"), NpyArray.From(tokens, tokens.Length));
            var featureLength = dataset.Manifest.FeatureLength;
            if (featureLength > 0)
            {
                var features = new float[members.Count * featureLength];
                for (var i = 0; i < members.Count; i++) members[i].Features!.CopyTo(features, i * featureLength);
                NpyFormat.Write(Path.Combine(folder, $"{shard}.features.npy"), NpyArray.From(features, members.Count, featureLength));
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
