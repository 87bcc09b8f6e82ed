namespace Euterpe.Core.Presets;

/// <summary>
/// The grid and values of a piano-roll model's clips (representation "piano-roll"): a clip is
/// <see cref="BeatsPerClip"/> beats of <see cref="StepsPerBeat"/> steps × <see cref="Pitches"/> pitches from
/// <see cref="LowestPitch"/> up, values in [0, <see cref="MaxValue"/>] (velocity × MaxValue / 127); a cell above
/// <see cref="Threshold"/> sounds (the player's default); the generator reads <see cref="Latent"/> Gaussian values.
/// A multi-track model (family wgan-gp) lists its <see cref="Tracks"/>; a single-track one has none.
/// </summary>
public sealed class ManifestPianoRoll
{
    public int StepsPerBeat { get; set; }
    public int BeatsPerClip { get; set; }
    public int Pitches { get; set; }
    public int LowestPitch { get; set; }
    public double MaxValue { get; set; } = 1;
    public double Threshold { get; set; }
    public int Latent { get; set; }
    public List<ManifestTrack>? Tracks { get; set; }

    /// <summary>
    /// Pitch-class histograms (12 values each, C first) of training clips, for a model that hears one (dcrnn): a seed
    /// asked for no key starts from one of them. Null or empty: none (the model hears a uniform histogram).
    /// </summary>
    public List<double[]>? Histograms { get; set; }
}
