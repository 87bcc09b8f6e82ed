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

    // Frames, not notes: no primer, tempo or conditioning; a temperature only where a level head draws each frame's level.
    public override GenerationControl Honours(Preset preset) => GenerationControl.Variation | GenerationControl.Window
        | (preset.OnnxManifest.Audio?.Levels is null ? 0 : GenerationControl.Temperature);

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
