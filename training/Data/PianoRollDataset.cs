using Euterpe.Core;

namespace Euterpe.Training.Data;

/// <summary>
/// The piano-roll clips a `train` command reads: a cache opened as it is, or a music folder prepared into a temporary
/// cache (removed on <see cref="Dispose"/>) so that even a folder is read a clip at a time.
/// </summary>
public sealed class PianoRollDataset : IDisposable
{
    private readonly string? _temporary;

    private PianoRollDataset(string folder, string? temporary)
    {
        _temporary = temporary;
        try
        {
            (Manifest, Train, Validation) = PianoRollCache.Open(folder);
        }
        catch
        {
            DeleteTemporary();
            throw;
        }
    }

    public PianoRollCacheManifest Manifest { get; }
    public PianoRollClips Train { get; }
    public PianoRollClips Validation { get; }

    /// <param name="source">A piano-roll cache, or a folder of music files (split with <paramref name="validationFraction"/> and <paramref name="seed"/>).</param>
    public static PianoRollDataset Open(string source, double validationFraction, ulong seed, Action<int, int, string>? progress = null)
    {
        if (PianoRollCache.IsCache(source)) return new PianoRollDataset(source, null);
        if (PreparedCache.IsCache(source) || MultiTrackCache.IsCache(source) || File.Exists(Path.Combine(source, AudioFrameCache.ManifestName)))
            throw new EuterpeException($"{source}: not a piano-roll cache; prepare one with `euterpe data prepare --encoding pianoroll`, or pass a folder of music files");
        if (!Directory.Exists(source)) throw new EuterpeException($"{source}: folder not found (neither a prepared cache nor a folder)");
        var temporary = Path.Combine(Path.GetTempPath(), $"euterpe-pianoroll-{Environment.ProcessId}-{Guid.NewGuid():N}");
        PianoRollCache.Prepare(source, validationFraction, seed, temporary, progress);
        return new PianoRollDataset(temporary, temporary);
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
