using Euterpe.Core;

namespace Euterpe.Training.Data;

/// <summary>
/// The clips a clip-GAN `train` command reads (<see cref="PianoRollDataset"/>, <see cref="MultiTrackDataset"/>): a cache
/// of its kind opened as it is, or a music folder prepared into a temporary cache (removed on <see cref="Dispose"/>) so
/// that even a folder is read a clip at a time. Another kind of cache is refused with one line naming the right one.
/// </summary>
public abstract class ClipDataset<TManifest, TClips> : IDisposable where TClips : class, IDisposable
{
    private readonly string? _temporary;

    /// <param name="open">Opens a cache folder of this kind: its manifest and both splits.</param>
    protected ClipDataset(string folder, string? temporary, Func<string, (TManifest Manifest, TClips Train, TClips Validation)> open)
    {
        _temporary = temporary;
        try
        {
            (Manifest, Train, Validation) = open(folder);
        }
        catch
        {
            DeleteTemporary();
            throw;
        }
    }

    public TManifest Manifest { get; }
    public TClips Train { get; }
    public TClips Validation { get; }

    /// <summary>Opens <paramref name="source"/>: a cache of this kind, or a folder of music files prepared into a temporary one.</summary>
    /// <param name="encoding">The kind's `data prepare --encoding` name (also the temporary folder's prefix).</param>
    /// <param name="kind">The kind in words, for the error line.</param>
    protected static TDataset Open<TDataset>(string source, string encoding, string kind, Func<string, bool> isCache,
        Func<string, double, ulong, string, Action<int, int, string>?, TManifest> prepare, Func<string, string?, TDataset> create,
        double validationFraction, ulong seed, Action<int, int, string>? progress)
    {
        if (isCache(source)) return create(source, null);
        if (PreparedCache.IsCache(source) || PianoRollCache.IsCache(source) || MultiTrackCache.IsCache(source) || File.Exists(Path.Combine(source, AudioFrameCache.ManifestName)))
            throw new EuterpeException($"{source}: not a {kind} cache; prepare one with `euterpe data prepare --encoding {encoding}`, or pass a folder of music files");
        if (!Directory.Exists(source)) throw new EuterpeException($"{source}: folder not found (neither a prepared cache nor a folder)");
        var temporary = Path.Combine(Path.GetTempPath(), $"euterpe-{encoding}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        prepare(source, validationFraction, seed, temporary, progress);
        return create(temporary, temporary);
    }

    public void Dispose()
    {
        Train?.Dispose();
        Validation?.Dispose();
        DeleteTemporary();
        GC.SuppressFinalize(this);
    }

    private void DeleteTemporary()
    {
        if (_temporary is null) return;
        try { Directory.Delete(_temporary, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
