using Euterpe.Core.Presets;

namespace Euterpe.Training.Export;

/// <summary>
/// The manifest a clip-at-a-time piano-roll exporter writes (dcgan, iwgan, dcrnn, pix2pix, wgan-gp): representation piano-roll,
/// the grid in both "timing" and "pianoRoll" (lowest pitch 0), the model's tensors and the run's provenance. Each family
/// says what differs: its tensors, grid, value range, threshold, latent size, figures and command line.
/// </summary>
public static class PianoRollManifests
{
    /// <summary>A manifest for a preset whose model reads <paramref name="io"/> and writes clips of <paramref name="grid"/>.</summary>
    /// <param name="grid">The clip grid; its <see cref="ManifestPianoRoll.StepsPerBeat"/> is also the manifest's timing.</param>
    public static ModelManifest Build(string id, string displayName, string family, ManifestIo io, ManifestPianoRoll grid,
        string data, long step, Dictionary<string, double> figures, string trainerVersion) => new()
    {
        Id = id,
        DisplayName = displayName,
        Family = family,
        Representation = Representations.PianoRoll,
        Io = io,
        Timing = new ManifestTiming { StepsPerBeat = grid.StepsPerBeat },
        PianoRoll = grid,
        Provenance = new ManifestProvenance { Data = data, Steps = step, ValidationMetrics = figures, TrainerVersion = trainerVersion },
    };

    /// <summary>The figures of a run's last metrics point, rounded to six places (the manifest's provenance).</summary>
    public static Dictionary<string, double> Figures(params (string Name, double? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Name, v => Math.Round(v.Value!.Value, 6));
}
