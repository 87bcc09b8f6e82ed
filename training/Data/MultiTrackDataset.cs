namespace Euterpe.Training.Data;

/// <summary>The multi-track clips `train wgan-gp` reads (see <see cref="ClipDataset{TManifest, TClips}"/>).</summary>
public sealed class MultiTrackDataset : ClipDataset<MultiTrackCacheManifest, MultiTrackClips>
{
    private MultiTrackDataset(string folder, string? temporary) : base(folder, temporary, MultiTrackCache.Open)
    {
    }

    /// <param name="source">A multi-track cache, or a folder of music files (split with <paramref name="validationFraction"/> and <paramref name="seed"/>).</param>
    public static MultiTrackDataset Open(string source, double validationFraction, ulong seed, Action<int, int, string>? progress = null) =>
        Open(source, "multitrack", "multi-track", MultiTrackCache.IsCache, MultiTrackCache.Prepare, (folder, temporary) => new MultiTrackDataset(folder, temporary),
            validationFraction, seed, progress);
}
