using Euterpe.Core.Generation;
using Euterpe.Core.Presets;

namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// The raw-audio FFT-frame LSTMs as players see them: a preset is model.onnx (one frame step, state carried), a
/// manifest with the framing, and seed.wav to start from; its generator is <see cref="AudioFrameStream"/>.
/// </summary>
public sealed class FftLstmFamily : ModelFamily
{
    public const string Name = "fft-lstm";

    public static FftLstmFamily Instance { get; } = new();

    private FftLstmFamily()
    {
    }

    public override IReadOnlyList<string> Names { get; } = [Name];

    public override GeneratedMedium Medium => GeneratedMedium.Audio;

    public override void CheckManifest(Preset preset) => _ = preset.OnnxManifest;

    // Frames, not notes: no sampling temperature, primer, tempo or conditioning.
    public override GenerationControl Honours(Preset preset) => GenerationControl.Variation | GenerationControl.Window;

    public override IAudioGenerator OpenAudio(Preset preset, int windowFrames = 0)
    {
        if (windowFrames < 0) throw new EuterpeException($"--window {windowFrames}: must be 0 (carry the state) or a number of frames");
        var opened = AudioFramePreset.Open(preset);
        try
        {
            return new AudioFrameStream(opened, windowFrames);
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }
}
