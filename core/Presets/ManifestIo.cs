namespace Euterpe.Core.Presets;

/// <summary>
/// Which model inputs and outputs play which role. Each family uses the pair it needs: a token RNN has
/// tokenInput and logitsOutput, a raw-audio model frameInput and frameOutput. A family that needs another role adds it here.
/// </summary>
public sealed class ManifestIo
{
    public ManifestTensor? TokenInput { get; set; }
    public ManifestTensor? LogitsOutput { get; set; }
    public ManifestTensor? FrameInput { get; set; }
    public ManifestTensor? FrameOutput { get; set; }
    /// <summary>The dcrnn's pitch-class histogram (float [1, 12]), beside its z in frameInput.</summary>
    public ManifestTensor? HistogramInput { get; set; }
    /// <summary>A raw-audio model's level head: logits over audio.levels' classes for the next frame (float [1, classes]).</summary>
    public ManifestTensor? LevelOutput { get; set; }

    internal IEnumerable<(string Role, ManifestTensor Tensor)> Inputs()
    {
        if (TokenInput is not null) yield return ("tokenInput", TokenInput);
        if (FrameInput is not null) yield return ("frameInput", FrameInput);
        if (HistogramInput is not null) yield return ("histogramInput", HistogramInput);
    }

    internal IEnumerable<(string Role, ManifestTensor Tensor)> Outputs()
    {
        if (LogitsOutput is not null) yield return ("logitsOutput", LogitsOutput);
        if (FrameOutput is not null) yield return ("frameOutput", FrameOutput);
        if (LevelOutput is not null) yield return ("levelOutput", LevelOutput);
    }
}
