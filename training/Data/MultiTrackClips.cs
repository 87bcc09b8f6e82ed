using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Training.Data;

/// <summary>
/// One split of a multi-track cache, read a clip at a time from its shard files (a cache may be far larger than
/// memory): <see cref="Read"/> seeks to the clip, reads its 17,408 packed bytes and unpacks them. Every shard's header
/// is checked when opened.
/// </summary>
public sealed class MultiTrackClips : IDisposable
{
    private readonly List<(FileStream Stream, long DataStart, string Path)> _shards = [];
    private readonly int[] _firstClip;
    private readonly byte[] _packed = new byte[MultiTrackEncoding.PackedBytesPerClip];

    /// <summary>Opens the shards of a split in <paramref name="folder"/>; the shapes must match the manifest's counts.</summary>
    public MultiTrackClips(string folder, IReadOnlyList<PianoRollShard> shards)
    {
        _firstClip = new int[shards.Count + 1];
        try
        {
            for (var i = 0; i < shards.Count; i++)
            {
                var path = Path.Combine(folder, shards[i].FileName);
                if (!File.Exists(path)) throw new EuterpeException($"{path}: not found (the cache lists it)");
                var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                _shards.Add((stream, 0, path));
                var (type, shape, _) = NpyFormat.ReadHeader(stream, path);
                var expected = (long[])[shards[i].Clips, .. MultiTrackCache.ClipShape];
                if (type != TensorElementType.UInt8 || !shape.SequenceEqual(expected))
                    throw new EuterpeException($"{path}: expected uint8 {NpyFormat.ShapeText(expected)}, found {TensorElementTypes.Name(type)} {NpyFormat.ShapeText(shape)}");
                _shards[i] = (stream, stream.Position, path);
                _firstClip[i + 1] = _firstClip[i] + shards[i].Clips;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Count => _firstClip[^1];

    /// <summary>Copies clip <paramref name="index"/> as 0/1 cells (<see cref="MultiTrackEncoding"/>'s order) into <paramref name="cells"/>.</summary>
    public void Read(int index, Span<byte> cells)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"the split has {Count} clips");
        var shard = Array.BinarySearch(_firstClip, index);
        shard = shard >= 0 ? shard : ~shard - 1;
        while (_firstClip[shard + 1] <= index) shard++;
        var (stream, start, path) = _shards[shard];
        stream.Position = start + (long)(index - _firstClip[shard]) * MultiTrackEncoding.PackedBytesPerClip;
        if (stream.ReadAtLeast(_packed, _packed.Length, throwOnEndOfStream: false) < _packed.Length)
            throw new EuterpeException($"{path}: truncated (clip {index - _firstClip[shard]})");
        MultiTrackEncoding.Unpack(_packed, cells);
    }

    public void Dispose()
    {
        foreach (var s in _shards) s.Stream.Dispose();
        _shards.Clear();
    }
}
