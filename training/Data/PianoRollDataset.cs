namespace Euterpe.Training.Data;

/// <summary>The piano-roll clips the dcgan, iwgan, dcrnn and pix2pix trainers read (see <see cref="ClipDataset{TManifest, TClips}"/>).</summary>
public sealed class PianoRollDataset : ClipDataset<PianoRollCacheManifest, PianoRollClips>
{
    private PianoRollDataset(string folder, string? temporary) : base(folder, temporary, PianoRollCache.Open)
    {
    }

    /// <param name="source">A piano-roll cache, or a folder of music files (split with <paramref name="validationFraction"/> and <paramref name="seed"/>).</param>
    public static PianoRollDataset Open(string source, double validationFraction, ulong seed, Action<int, int, string>? progress = null) =>
        Open(source, "pianoroll", "piano-roll", PianoRollCache.IsCache, PianoRollCache.Prepare, (folder, temporary) => new PianoRollDataset(folder, temporary),
            validationFraction, seed, progress);
}
