using System.Text.Json;
using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Training.Data;

/// <summary>
/// <c>data prepare --encoding multitrack</c>: every music file of a folder cut into 17-track binary clips
/// (<see cref="MultiTrackEncoding"/>), split by file (<see cref="DatasetSplit"/>, decided before any file is read) into
/// shards <c>train-000.rolls.npy</c>, … and <c>validation-000.rolls.npy</c>, … (uint8 (clips, 17, 64, 16): the 128
/// pitch cells of a step packed eight to a byte as numpy's packbits does, 17 KiB a clip; at most
/// <see cref="ShardClips"/> clips each, written as soon as full so memory holds one shard), <c>skipped.txt</c> and
/// <c>multitrack.json</c> last. Written into a temporary folder and renamed into place when complete. A file that
/// cannot be read, is not in 4/4 or has no note is skipped with its reason; a folder with no clip at all is an error.
/// </summary>
public static class MultiTrackCache
{
    public const string EncodingName = "multitrack";
    public const string ManifestName = "multitrack.json";

    /// <summary>Clips per shard: 8.9 MB.</summary>
    public const int ShardClips = 512;

    /// <summary>A shard's shape after its clip count: tracks, steps, packed pitch bytes.</summary>
    public static readonly long[] ClipShape = [MultiTrackEncoding.Tracks, MultiTrackEncoding.Steps, MultiTrackEncoding.Pitches / 8];

    public static bool IsCache(string folder) => File.Exists(Path.Combine(folder, ManifestName));

    public static MultiTrackCacheManifest Prepare(string dataFolder, double validationFraction, ulong seed, string folder, Action<int, int, string>? progress = null)
    {
        var files = MusicFiles.List(dataFolder);
        if (files.Count == 0) throw new EuterpeException($"{dataFolder}: no music files (.mid, .midi, .kar, .abc) in this folder");
        var root = Path.GetFullPath(dataFolder);
        var validation = DatasetSplit.ValidationMask(files.Count, validationFraction, seed);
        return AtomicFolder.Write(folder, ManifestName, "a multi-track cache", temp =>
        {
            var splits = new[] { new SplitWriter(temp, "train"), new SplitWriter(temp, "validation") };
            var skipped = new List<SkippedFile>();
            var entries = new List<PianoRollFileEntry>();
            var trackNotes = new long[MultiTrackEncoding.Tracks];
            for (var i = 0; i < files.Count; i++)
            {
                var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
                try
                {
                    var pieces = MusicFiles.Load(files[i]);
                    var clips = pieces.SelectMany(p => MultiTrackEncoding.Clips(p.Sequence)).ToList();
                    if (clips.Count == 0) skipped.Add(new SkippedFile(relative, "no notes (empty)"));
                    else
                    {
                        var split = splits[validation[i] ? 1 : 0];
                        foreach (var clip in clips) split.Add(clip);
                        entries.Add(new PianoRollFileEntry(relative, split.Name, clips.Count));
                        foreach (var note in pieces.SelectMany(p => p.Sequence.Notes)) trackNotes[MultiTrackEncoding.TrackOf(note)]++;
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
                throw new EuterpeException($"{dataFolder}: no multi-track clip in any file, {files.Count} skipped ({first.Path}: {first.Reason}{(files.Count > 1 ? "; …" : "")})");
            }
            SkippedFile.WriteList(temp, skipped);
            var manifest = new MultiTrackCacheManifest
            {
                Tracks = MultiTrackEncoding.Tracks, StepsPerBeat = MultiTrackEncoding.StepsPerBeat, BeatsPerClip = MultiTrackEncoding.BeatsPerClip,
                Pitches = MultiTrackEncoding.Pitches, TrackNotes = [.. trackNotes],
                Data = root, Seed = seed, ValidationFraction = validationFraction, Files = entries, Skipped = skipped,
                Train = splits[0].Finish(), Validation = splits[1].Finish(),
            };
            // The manifest last: a folder with multitrack.json is a complete cache.
            File.WriteAllText(Path.Combine(temp, ManifestName), JsonSerializer.Serialize(manifest, CacheJson.Options) + "\n");
            return manifest;
        });
    }

    /// <summary>Opens a cache: its manifest and both splits, read a clip at a time.</summary>
    public static (MultiTrackCacheManifest Manifest, MultiTrackClips Train, MultiTrackClips Validation) Open(string folder)
    {
        var path = Path.Combine(folder, ManifestName);
        if (!File.Exists(path))
            throw new EuterpeException($"{folder}: not a multi-track cache (no {ManifestName}); make one with `euterpe data prepare --encoding multitrack`");
        MultiTrackCacheManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<MultiTrackCacheManifest>(InputFile.ReadAllText(path, InputFile.MaxManifestBytes, "cache manifest"), CacheJson.Options)
                ?? throw new EuterpeException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: not a multi-track cache manifest ({e.Message.Split('\n')[0]})", inner: e);
        }
        if (manifest.Encoding != EncodingName || manifest.Tracks != MultiTrackEncoding.Tracks || manifest.StepsPerBeat != MultiTrackEncoding.StepsPerBeat
            || manifest.BeatsPerClip != MultiTrackEncoding.BeatsPerClip || manifest.Pitches != MultiTrackEncoding.Pitches || manifest.Train is null || manifest.Validation is null)
            throw new EuterpeException($"{path}: not a {MultiTrackEncoding.Tracks}-track × {MultiTrackEncoding.BeatsPerClip}-beat × {MultiTrackEncoding.StepsPerBeat}-step × {MultiTrackEncoding.Pitches}-pitch cache");
        var train = new MultiTrackClips(folder, manifest.Train);
        try
        {
            return (manifest, train, new MultiTrackClips(folder, manifest.Validation));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    // Buffers one shard's clips (packed) and writes it when full.
    private sealed class SplitWriter(string folder, string name)
    {
        private readonly List<PianoRollShard> _shards = [];
        private readonly List<byte[]> _pending = [];

        public string Name => name;

        public void Add(byte[] clip)
        {
            var packed = new byte[MultiTrackEncoding.PackedBytesPerClip];
            MultiTrackEncoding.Pack(clip, packed);
            _pending.Add(packed);
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
            var data = new byte[_pending.Count * MultiTrackEncoding.PackedBytesPerClip];
            for (var i = 0; i < _pending.Count; i++) _pending[i].CopyTo(data, i * MultiTrackEncoding.PackedBytesPerClip);
            NpyFormat.Write(Path.Combine(folder, shard.FileName), new NpyArray(TensorElementType.UInt8, [_pending.Count, .. ClipShape], data));
            _shards.Add(shard);
            _pending.Clear();
        }
    }
}
