namespace Euterpe.Core.Inference.Manifests;

/// <summary>Audio framing of an audio-frame model: "gruv" frames are raw sample blocks, "stft" frames spectra.</summary>
public sealed class ManifestAudio
{
    public int SampleRate { get; init; }
    public string FrameLayout { get; init; } = "";
    public int FrameSize { get; init; }
    public int Hop { get; init; }
}
