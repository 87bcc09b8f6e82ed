namespace Euterpe.Core.Presets;

/// <summary>
/// Recurrent state carried between runs: the value of output <see cref="Output"/> after one run is fed to
/// input <see cref="Input"/> on the next (LSTM h and c each get a pair), so one step is one Run.
/// Both sides have <see cref="ElementType"/> and <see cref="Shape"/>; a run starts from zeros.
/// </summary>
public sealed class ManifestStatePair
{
    public string Input { get; set; } = "";
    public string Output { get; set; } = "";
    public string ElementType { get; set; } = "float";
    public long[] Shape { get; set; } = [];
}
