using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Training.Data;

/// <summary>Reads a cache folder written by <see cref="CacheWriter"/> back into a <see cref="PreparedDataset"/>, checking it on the way.</summary>
public static class PreparedCache
{
    /// <summary>Whether <paramref name="folder"/> is a prepared cache (holds cache.json).</summary>
    public static bool IsCache(string folder) => File.Exists(Path.Combine(folder, CacheJson.ManifestName));

    public static PreparedDataset Open(string folder)
    {
        var manifestPath = Path.Combine(folder, CacheJson.ManifestName);
        if (!Directory.Exists(folder)) throw new EuterpeException($"{folder}: folder not found");
        if (!File.Exists(manifestPath)) throw new EuterpeException($"{folder}: not a prepared cache (no {CacheJson.ManifestName}; run `euterpe data prepare`)");
        CacheManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CacheManifest>(File.ReadAllText(manifestPath), CacheJson.Options)
                ?? throw new EuterpeException($"{manifestPath}: empty manifest");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{manifestPath}: not a valid cache manifest ({e.Message.Split('\n')[0]})", inner: e);
        }
        if (manifest.FormatVersion != CacheManifest.CurrentFormatVersion)
            throw new EuterpeException($"{manifestPath}: cache format version {manifest.FormatVersion} is not supported (expected {CacheManifest.CurrentFormatVersion}); prepare it again");
        DataEncodings.Parse(manifest.Encoding, manifestPath);
        return new PreparedDataset(manifest, ReadSplit(folder, manifest, "train"), ReadSplit(folder, manifest, "validation"));
    }

    private static List<PreparedSequence> ReadSplit(string folder, CacheManifest manifest, string split)
    {
        var result = new List<PreparedSequence>();
        var shards = new Dictionary<string, Shard>();
        foreach (var file in manifest.Files.Where(f => f.Split == split))
        {
            foreach (var piece in file.Pieces)
            {
                if (!shards.TryGetValue(piece.Shard, out var shard)) shards[piece.Shard] = shard = Shard.Read(folder, piece.Shard, manifest);
                result.Add(shard.Piece(piece, file.Path));
            }
        }
        return result;
    }

    /// <summary>The arrays of one shard, checked against each other.</summary>
    private sealed class Shard
    {
        private long[] _offsets = [];
        private int[] _tokens = [];
        private float[]? _features;
        private int _featureLength;
        private string _name = "";

        public static Shard Read(string folder, string name, CacheManifest manifest)
        {
            if (name.Contains('/') || name.Contains('\\') || name.Contains("..")) throw new EuterpeException($"{folder}: bad shard name '{name}' in cache.json");
            var path = Path.Combine(folder, name);
            var shard = new Shard { _name = path, _offsets = Read<long>(path + ".offsets.npy") };
            var offsets = shard._offsets;
            for (var i = 1; i < offsets.Length; i++)
                if (offsets[i] < offsets[i - 1]) throw new EuterpeException($"{path}.offsets.npy: offsets decrease at {i}");
            if (offsets.Length == 0 || offsets[0] != 0) throw new EuterpeException($"{path}.offsets.npy: must start at 0");
            shard._tokens = Read<int>(path + ".tokens.npy");
            if (shard._tokens.LongLength != offsets[^1]) throw new EuterpeException($"{path}.tokens.npy: holds {shard._tokens.Length} tokens, offsets say {offsets[^1]}");
            foreach (var t in shard._tokens)
                if ((uint)t >= (uint)manifest.VocabularySize) throw new EuterpeException($"{path}.tokens.npy: token {t} is outside the vocabulary of {manifest.VocabularySize}");
            if (manifest.FeatureLength > 0)
            {
                shard._featureLength = manifest.FeatureLength;
                shard._features = Read<float>(path + ".features.npy");
                if (shard._features.Length != (offsets.Length - 1) * manifest.FeatureLength)
                    throw new EuterpeException($"{path}.features.npy: holds {shard._features.Length} values, expected {(offsets.Length - 1) * manifest.FeatureLength}");
            }
            return shard;
        }

        public PreparedSequence Piece(CachePieceEntry entry, string file)
        {
            if (entry.Index < 0 || entry.Index + 1 >= _offsets.Length) throw new EuterpeException($"{_name}: piece index {entry.Index} is outside the shard");
            var (start, end) = (_offsets[entry.Index], _offsets[entry.Index + 1]);
            if (end - start != entry.Length) throw new EuterpeException($"{_name}: piece {entry.Name} has length {end - start}, cache.json says {entry.Length}");
            var features = _features?[(entry.Index * _featureLength)..((entry.Index + 1) * _featureLength)];
            return new PreparedSequence(entry.Name, file, _tokens[(int)start..(int)end], features);
        }

        private static T[] Read<T>(string path) where T : unmanaged
        {
            var array = NpyFormat.Read(path);
            if (array.ElementType != TensorElementTypes.Of<T>())
                throw new EuterpeException($"{path}: holds {TensorElementTypes.Name(array.ElementType)}, expected {TensorElementTypes.Name(TensorElementTypes.Of<T>())}");
            return array.AsSpan<T>().ToArray();
        }
    }
}
