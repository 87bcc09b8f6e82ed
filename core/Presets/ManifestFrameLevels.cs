namespace Euterpe.Core.Presets;

/// <summary>
/// The level classes of a raw-audio model's level head (see <c>FrameLevelBins</c>): <see cref="Bins"/> classes of
/// <see cref="StepDb"/> dB from <see cref="LowDb"/>, a frame's level being 10·log10 of its values' mean square.
/// </summary>
public sealed class ManifestFrameLevels
{
    public int Bins { get; set; }
    public double LowDb { get; set; }
    public double StepDb { get; set; }
}
