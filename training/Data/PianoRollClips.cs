using Euterpe.Core;
using Euterpe.Core.Encoding;
using Euterpe.Core.IO;
using Euterpe.Core.Tensors;

namespace Euterpe.Training.Data;

/// <summary>
/// One split of a piano-roll cache, read a clip at a time from its shard files (a cache may be far larger than
/// memory): <see cref="Read"/> seeks to the clip and reads its 49,152 bytes. Every shard's header is checked when opened.
/// </summary>
public sealed class PianoRollClips : IDisposable
{
    private readonly List<(FileStream Stream, long DataStart, int Clips, string Path)> _shards = [];
    private readonly int[] _firstClip;

    /// <summary>Opens the shards of a split in <paramref name="folder"/>; the shapes must match the manifest's counts.</summary>
    public PianoRollClips(string folder, IReadOnlyList<PianoRollShard> shards)
    {
        _firstClip = new int[shards.Count + 1];
        try
        {
            for (var i = 0; i < shards.Count; i++)
            {
                var path = Path.Combine(folder, shards[i].FileName);
                if (!File.Exists(path)) throw new EuterpeException($"{path}: not found (the cache lists it)");
                var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                _shards.Add((stream, 0, shards[i].Clips, path));
                var (type, shape, _) = NpyFormat.ReadHeader(stream, path);
                if (type != TensorElementType.UInt8 || shape is not [var n, PianoRollEncoding.Steps, PianoRollEncoding.Pitches] || n != shards[i].Clips)
                    throw new EuterpeException($"{path}: expected uint8 ({shards[i].Clips}, {PianoRollEncoding.Steps}, {PianoRollEncoding.Pitches}), found {TensorElementTypes.Name(type)} {NpyFormat.ShapeText(shape)}");
                _shards[i] = (stream, stream.Position, shards[i].Clips, path);
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

    /// <summary>Copies clip <paramref name="index"/> (velocities, step-major) into <paramref name="cells"/>.</summary>
    public void Read(int index, Span<byte> cells)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"the split has {Count} clips");
        var shard = Array.BinarySearch(_firstClip, index);
        shard = shard >= 0 ? shard : ~shard - 1;
        while (_firstClip[shard + 1] <= index) shard++;
        var (stream, start, _, path) = _shards[shard];
        stream.Position = start + (long)(index - _firstClip[shard]) * PianoRollEncoding.CellsPerClip;
        if (stream.ReadAtLeast(cells[..PianoRollEncoding.CellsPerClip], PianoRollEncoding.CellsPerClip, throwOnEndOfStream: false) < PianoRollEncoding.CellsPerClip)
            throw new EuterpeException($"{path}: truncated (clip {index - _firstClip[shard]})");
    }

    public void Dispose()
    {
        foreach (var s in _shards) s.Stream.Dispose();
        _shards.Clear();
    }
}
