using Euterpe.Core;

namespace Euterpe.Training.Data;

/// <summary>
/// The multi-track clips `train wgan-gp` reads: a cache opened as it is, or a music folder prepared into a temporary
/// cache (removed on <see cref="Dispose"/>) so that even a folder is read a clip at a time.
/// </summary>
public sealed class MultiTrackDataset : IDisposable
{
    private readonly string? _temporary;

    private MultiTrackDataset(string folder, string? temporary)
    {
        _temporary = temporary;
        try
        {
            (Manifest, Train, Validation) = MultiTrackCache.Open(folder);
        }
        catch
        {
            DeleteTemporary();
            throw;
        }
    }

    public MultiTrackCacheManifest Manifest { get; }
    public MultiTrackClips Train { get; }
    public MultiTrackClips Validation { get; }

    /// <param name="source">A multi-track cache, or a folder of music files (split with <paramref name="validationFraction"/> and <paramref name="seed"/>).</param>
    public static MultiTrackDataset Open(string source, double validationFraction, ulong seed, Action<int, int, string>? progress = null)
    {
        if (MultiTrackCache.IsCache(source)) return new MultiTrackDataset(source, null);
        if (PreparedCache.IsCache(source) || PianoRollCache.IsCache(source) || File.Exists(Path.Combine(source, AudioFrameCache.ManifestName)))
            throw new EuterpeException($"{source}: not a multi-track cache; prepare one with `euterpe data prepare --encoding multitrack`, or pass a folder of music files");
        if (!Directory.Exists(source)) throw new EuterpeException($"{source}: folder not found (neither a prepared cache nor a folder)");
        var temporary = Path.Combine(Path.GetTempPath(), $"euterpe-multitrack-{Environment.ProcessId}-{Guid.NewGuid():N}");
        MultiTrackCache.Prepare(source, validationFraction, seed, temporary, progress);
        return new MultiTrackDataset(temporary, temporary);
    }

    public void Dispose()
    {
        Train?.Dispose();
        Validation?.Dispose();
        DeleteTemporary();
    }

    private void DeleteTemporary()
    {
        if (_temporary is null) return;
        try { Directory.Delete(_temporary, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
