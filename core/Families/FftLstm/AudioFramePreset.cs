using Euterpe.Core.Audio;
using Euterpe.Core.Generation;
using Euterpe.Core.Presets;
using Euterpe.Core.Runtime;

namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// A raw-audio preset folder (family fft-lstm, representation fft-frames): model.onnx predicts the next frame from the
/// newest one while carrying its recurrent state, manifest.json gives the framing (sample rate, "stft" or "gruv" layout,
/// frame length, hop) and the state pairs, and an optional seed.wav holds real audio whose frames start generation.
/// </summary>
public sealed class AudioFramePreset : IDisposable
{
    public const string SeedFileName = "seed.wav";

    /// <summary>Seed frames kept from seed.wav: generation starts after this many real frames (40, the literature's T).</summary>
    public const int MaxSeedFrames = 40;

    private AudioFramePreset(Preset preset, IFrameStepModel model, float[] seedAudio)
    {
        Preset = preset;
        Model = model;
        SeedAudio = seedAudio;
        var audio = preset.OnnxManifest.Audio!;
        SampleRate = audio.SampleRate;
        Layout = audio.FrameLayout;
        FrameLength = audio.FrameSize;
        Hop = audio.Hop;
        if (audio.Levels is { } l) Levels = new FrameLevelBins(l.Bins, (float)l.LowDb, (float)l.StepDb);
    }

    public Preset Preset { get; }

    public IFrameStepModel Model { get; }

    /// <summary>The model's sample rate (16 kHz for presets trained here).</summary>
    public int SampleRate { get; }

    public string Layout { get; }

    public int FrameLength { get; }

    public int Hop { get; }

    /// <summary>The classes of the model's level head (io.levelOutput, audio.levels); null when it has none.</summary>
    public FrameLevelBins? Levels { get; }

    /// <summary>seed.wav as mono at <see cref="SampleRate"/> (empty when the preset has none: generation starts from noise).</summary>
    public float[] SeedAudio { get; }

    /// <summary>A new codec for this preset's framing (codecs keep scratch buffers: one per thread).</summary>
    public AudioFrameCodec CreateCodec() => CreateCodec(Layout, FrameLength, Hop);

    public static AudioFrameCodec CreateCodec(string layout, int frameLength, int hop) => layout switch
    {
        "stft" => new StftFrameCodec(frameLength, hop),
        "gruv" => new GruvFrameCodec(frameLength),
        _ => throw new EuterpeException($"frame layout \"{layout}\" is not one of stft, gruv"),
    };

    /// <summary>
    /// Opens and checks a preset: manifest, framing, the model against its manifest and its frame signature, and the
    /// seed audio; one error line naming the file otherwise.
    /// </summary>
    public static AudioFramePreset Open(Preset preset, InferenceOptions? options = null)
    {
        var manifest = preset.OnnxManifest;
        var source = preset.ManifestPath;
        if (manifest.Representation != Representations.FftFrames)
            throw new EuterpeException($"{source}: representation \"{manifest.Representation}\" is not {Representations.FftFrames}");
        var audio = manifest.Audio ?? throw new EuterpeException($"{source}: missing \"audio\"");
        if (audio.SampleRate is < 4000 or > 192000) throw new EuterpeException($"{source}: audio sampleRate {audio.SampleRate} is not in 4000…192000");
        if (audio.FrameSize < 2) throw new EuterpeException($"{source}: audio frameSize {audio.FrameSize} is too small");
        AudioFrameCodec codec;
        try
        {
            codec = CreateCodec(audio.FrameLayout, audio.FrameSize, audio.Hop);
        }
        catch (ArgumentException e)
        {
            throw new EuterpeException($"{source}: audio framing {audio.FrameLayout} {audio.FrameSize}/{audio.Hop}: {e.Message}", inner: e);
        }
        catch (EuterpeException e)
        {
            throw new EuterpeException($"{source}: {e.Message}", inner: e);
        }
        if (audio.FrameLayout == "gruv" && audio.Hop != audio.FrameSize)
            throw new EuterpeException($"{source}: gruv frames do not overlap: hop {audio.Hop} must equal frameSize {audio.FrameSize}");
        var io = manifest.Io!;
        if (io.FrameInput is null || io.FrameOutput is null) throw new EuterpeException($"{source}: io needs frameInput and frameOutput");
        var seedAudio = ReadSeed(preset.FilePath(SeedFileName), audio.SampleRate, audio.FrameSize);
        var signature = Signature(manifest);
        var session = preset.OpenSession(options);
        try
        {
            var model = new OnnxFrameStepModel(session, signature, ownsSession: true);
            if (model.FrameSize != codec.FrameSize)
            {
                model.Dispose();
                throw new EuterpeException($"{preset.ModelPath}: frames of {model.FrameSize} values, but {audio.FrameLayout} frames of {audio.FrameSize} samples hold {codec.FrameSize}");
            }
            if (audio.Levels is { } levels && model.LevelClasses != levels.Bins)
            {
                model.Dispose();
                throw new EuterpeException($"{preset.ModelPath}: level output '{io.LevelOutput!.Name}' has {model.LevelClasses} classes, audio levels {levels.Bins}");
            }
            return new AudioFramePreset(preset, model, seedAudio);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public static FrameModelSignature Signature(ModelManifest manifest)
    {
        var io = manifest.Io!;
        var shape = io.FrameInput!.Shape;
        int? context = shape is { Length: 3 } && shape[1] > 0 ? (int)shape[1] : null;
        return new FrameModelSignature(io.FrameInput.Name, io.FrameOutput!.Name, [.. manifest.State.Select(s => (s.Input, s.Output))], context,
            LevelOutput: io.LevelOutput?.Name);
    }

    /// <summary>
    /// Mono at <paramref name="sampleRate"/>; empty when the file is absent. A seed shorter than one frame or of digital
    /// silence is refused: it gives the model nothing to continue, and a preset ships one only to start from real audio.
    /// </summary>
    private static float[] ReadSeed(string path, int sampleRate, int frameSize)
    {
        if (!File.Exists(path)) return [];
        var wav = WavFile.Read(path);
        var mono = AudioMix.ToMono(wav.Channels);
        float[] seed;
        if (wav.SampleRate == sampleRate)
        {
            seed = mono;
        }
        else
        {
            var resampler = new SincResampler(wav.SampleRate, sampleRate);
            var output = new float[resampler.MaxOutputLength(mono.Length) + resampler.MaxOutputLength(0)];
            var n = resampler.Process(mono, output);
            n += resampler.Flush(output.AsSpan(n));
            seed = output[..n];
        }
        if (seed.Length < frameSize)
            throw new EuterpeException($"{path}: {seed.Length} sample(s) at {sampleRate} Hz, shorter than one frame of {frameSize}");
        if (!seed.AsSpan().ContainsAnyExcept(0f)) throw new EuterpeException($"{path}: silent (every sample is 0); a seed starts generation from real audio");
        return seed;
    }

    public void Dispose() => Model.Dispose();
}
