using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Training.Data;

/// <summary>
/// <c>data prepare --encoding pianoroll</c>: every music file of a folder cut into piano-roll clips
/// (<see cref="PianoRollEncoding"/>), split by file (<see cref="DatasetSplit"/>, decided before any file is read) into
/// shards <c>train-000.rolls.npy</c>, … and <c>validation-000.rolls.npy</c>, … (uint8 velocities, (clips, 384, 128),
/// at most <see cref="ShardClips"/> clips each, written as soon as full so memory holds one shard), <c>skipped.txt</c>
/// and <c>pianoroll.json</c> last. Written into a temporary folder and renamed into place when complete. A file that
/// cannot be read, is not in 4/4 or has no pitched note is skipped with its reason; a folder with no clip at all is an error.
/// </summary>
public static class PianoRollCache
{
    public const string EncodingName = "pianoroll";
    public const string ManifestName = "pianoroll.json";

    /// <summary>Clips per shard: 12.6 MB.</summary>
    public const int ShardClips = 256;

    public static bool IsCache(string folder) => File.Exists(Path.Combine(folder, ManifestName));

    public static PianoRollCacheManifest Prepare(string dataFolder, double validationFraction, ulong seed, string folder, Action<int, int, string>? progress = null)
    {
        var files = MusicFiles.List(dataFolder);
        if (files.Count == 0) throw new EuterpeException($"{dataFolder}: no music files (.mid, .midi, .kar, .abc) in this folder");
        var root = Path.GetFullPath(dataFolder);
        var validation = DatasetSplit.ValidationMask(files.Count, validationFraction, seed);
        return AtomicFolder.Write(folder, ManifestName, "a piano-roll cache", temp =>
        {
            var splits = new[] { new SplitWriter(temp, "train"), new SplitWriter(temp, "validation") };
            var skipped = new List<SkippedFile>();
            var entries = new List<PianoRollFileEntry>();
            for (var i = 0; i < files.Count; i++)
            {
                var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
                try
                {
                    var clips = MusicFiles.Load(files[i]).SelectMany(p => PianoRollEncoding.Clips(p.Sequence)).ToList();
                    if (clips.Count == 0) skipped.Add(new SkippedFile(relative, "no pitched notes (empty, or drums only)"));
                    else
                    {
                        var split = splits[validation[i] ? 1 : 0];
                        foreach (var clip in clips) split.Add(clip);
                        entries.Add(new PianoRollFileEntry(relative, split.Name, clips.Count));
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
                {
                    skipped.Add(new SkippedFile(relative, SkippedFile.ReasonOf(e, files[i])));
                }
                progress?.Invoke(i + 1, files.Count, relative);
            }
            if (entries.Count == 0)
            {
                var first = skipped[0];
                throw new EuterpeException($"{dataFolder}: no piano-roll clip in any file, {files.Count} skipped ({first.Path}: {first.Reason}{(files.Count > 1 ? "; …" : "")})");
            }
            SkippedFile.WriteList(temp, skipped);
            var manifest = new PianoRollCacheManifest
            {
                StepsPerBeat = PianoRollEncoding.StepsPerBeat, BeatsPerClip = PianoRollEncoding.BeatsPerClip, Pitches = PianoRollEncoding.Pitches,
                Data = root, Seed = seed, ValidationFraction = validationFraction, Files = entries, Skipped = skipped,
                Train = splits[0].Finish(), Validation = splits[1].Finish(),
            };
            // The manifest last: a folder with pianoroll.json is a complete cache.
            File.WriteAllText(Path.Combine(temp, ManifestName), JsonSerializer.Serialize(manifest, CacheJson.Options) + "\n");
            return manifest;
        });
    }

    /// <summary>Opens a cache: its manifest and both splits, read a clip at a time.</summary>
    public static (PianoRollCacheManifest Manifest, PianoRollClips Train, PianoRollClips Validation) Open(string folder)
    {
        var path = Path.Combine(folder, ManifestName);
        if (!File.Exists(path))
            throw new EuterpeException($"{folder}: not a piano-roll cache (no {ManifestName}); make one with `euterpe data prepare --encoding pianoroll`");
        PianoRollCacheManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PianoRollCacheManifest>(InputFile.ReadAllText(path, InputFile.MaxManifestBytes, "cache manifest"), CacheJson.Options)
                ?? throw new EuterpeException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not a piano-roll cache manifest ({e.Message.Split('\n')[0]})", inner: e);
        }
        if (manifest.Encoding != EncodingName || manifest.StepsPerBeat != PianoRollEncoding.StepsPerBeat || manifest.BeatsPerClip != PianoRollEncoding.BeatsPerClip
            || manifest.Pitches != PianoRollEncoding.Pitches || manifest.Train is null || manifest.Validation is null)
            throw new EuterpeException($"{path}: not a {PianoRollEncoding.BeatsPerClip}-beat × {PianoRollEncoding.StepsPerBeat}-step × {PianoRollEncoding.Pitches}-pitch piano-roll cache");
        var train = new PianoRollClips(folder, manifest.Train);
        try
        {
            return (manifest, train, new PianoRollClips(folder, manifest.Validation));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    // Buffers one shard's clips and writes it when full.
    private sealed class SplitWriter(string folder, string name)
    {
        private readonly List<PianoRollShard> _shards = [];
        private readonly List<byte[]> _pending = [];

        public string Name => name;

        public void Add(byte[] clip)
        {
            _pending.Add(clip);
            if (_pending.Count == ShardClips) Flush();
        }

        public List<PianoRollShard> Finish()
        {
            if (_pending.Count > 0) Flush();
            return _shards;
        }

        private void Flush()
        {
            var shard = new PianoRollShard($"{name}-{_shards.Count:D3}", _pending.Count);
            var data = new byte[_pending.Count * PianoRollEncoding.CellsPerClip];
            for (var i = 0; i < _pending.Count; i++) _pending[i].CopyTo(data, i * PianoRollEncoding.CellsPerClip);
            NpyFormat.Write(Path.Combine(folder, shard.FileName), new NpyArray(TensorElementType.UInt8, [_pending.Count, PianoRollEncoding.Steps, PianoRollEncoding.Pitches], data));
            _shards.Add(shard);
            _pending.Clear();
        }
    }
}
