namespace Euterpe.Core.Presets;

/// <summary>
/// Which model inputs and outputs play which role. Each family uses the few it needs: a token RNN has
/// tokenInput and logitsOutput, an audio model frameInput/frameOutput, a GAN noiseInput and sampleOutput,
/// an inpainting model frameInput + maskInput → sampleOutput.
/// </summary>
public sealed class ManifestIo
{
    public ManifestTensor? TokenInput { get; set; }
    public ManifestTensor? LogitsOutput { get; set; }
    public ManifestTensor? FrameInput { get; set; }
    public ManifestTensor? FrameOutput { get; set; }
    public ManifestTensor? NoiseInput { get; set; }
    public ManifestTensor? MaskInput { get; set; }
    public ManifestTensor? SampleOutput { get; set; }

    internal IEnumerable<(string Role, ManifestTensor Tensor)> Inputs()
    {
        if (TokenInput is not null) yield return ("tokenInput", TokenInput);
        if (FrameInput is not null) yield return ("frameInput", FrameInput);
        if (NoiseInput is not null) yield return ("noiseInput", NoiseInput);
        if (MaskInput is not null) yield return ("maskInput", MaskInput);
    }

    internal IEnumerable<(string Role, ManifestTensor Tensor)> Outputs()
    {
        if (LogitsOutput is not null) yield return ("logitsOutput", LogitsOutput);
        if (FrameOutput is not null) yield return ("frameOutput", FrameOutput);
        if (SampleOutput is not null) yield return ("sampleOutput", SampleOutput);
    }
}
