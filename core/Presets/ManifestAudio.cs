namespace Euterpe.Core.Presets;

/// <summary>Audio framing of an audio-frame model: "gruv" frames are raw sample blocks, "stft" frames spectra.</summary>
public sealed class ManifestAudio
{
    public int SampleRate { get; set; }
    public string FrameLayout { get; set; } = "";
    public int FrameSize { get; set; }
    public int Hop { get; set; }

    /// <summary>The level head's classes, when the model has one (io.levelOutput gives their logits); null: none.</summary>
    public ManifestFrameLevels? Levels { get; set; }
}
