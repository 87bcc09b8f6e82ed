using Euterpe.Core.Audio;
using Euterpe.Core.Generation;

namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// The FFT-LSTM family's generator: audio from an <see cref="AudioFramePreset"/> (which it owns), one hop at a time, for
/// `generate` and the instrument's audio mode alike. Seed the model with real frames (a
/// seed-chosen stretch of seed.wav, or noise), predict frame after frame carrying its state (at a drawn level when the
/// model has a level head: <see cref="AudioFrameGenerator"/>), keep each predicted
/// magnitude with a phase that continues the previous frame's (<see cref="CoherentPhase"/>, STFT layout), inverse FFT and
/// overlap-add, and level control that keeps the output in range (predicted spectra drift in level). A frame that
/// is not finite is replaced by silence. Allocation-free after construction for power-of-two frame lengths
/// (the STFT layout); the GRUV layout's 4000-sample inverse FFT allocates scratch. One instance per thread.
/// </summary>
public sealed class AudioFrameStream : IAudioGenerator
{
    /// <summary>The level the controller brings peaks down to (−3 dBFS; a gain ramp may pass it briefly, never 1).</summary>
    public const float Ceiling = 0.7f;

    private readonly AudioFramePreset _preset;
    private readonly AudioFrameCodec _codec;
    private readonly AudioFrameGenerator _generator;
    private readonly StreamingOverlapAddDecoder _decoder;
    private readonly CoherentPhase? _phase;
    private readonly float[] _seedFrames;
    private readonly int _seedFrameCount;
    private readonly float[] _frame;
    private readonly float _release;
    private readonly float _frameRms;
    private float _envelope;
    private float _variation;
    private float _scale = -1; // the scale the last hop ended on (−1: none yet)

    /// <param name="windowFrames">0: carry the LSTM state from frame to frame (one Run per frame). T &gt; 0: the
    /// literature's window method, which starts from a fresh state and re-reads the last T frames for every prediction.</param>
    public AudioFrameStream(AudioFramePreset preset, int windowFrames = 0)
    {
        if (windowFrames < 0) throw new ArgumentOutOfRangeException(nameof(windowFrames), windowFrames, "must be 0 (carry state) or a window of frames");
        WindowFrames = windowFrames;
        _preset = preset;
        _codec = preset.CreateCodec();
        _generator = new AudioFrameGenerator(windowFrames == 0 ? preset.Model : new WindowedFrameModel(preset.Model, windowFrames), 0, preset.Levels);
        _decoder = new StreamingOverlapAddDecoder(_codec);
        // Overlapping frames only: a GRUV frame stands alone, there is no previous phase to continue.
        if (preset.Layout == "stft") _phase = new CoherentPhase(_codec.FrameLength, _codec.HopLength);
        _frame = new float[_codec.FrameSize];
        _seedFrames = preset.SeedAudio.Length > 0 ? _codec.EncodeFlat(preset.SeedAudio) : [];
        _seedFrameCount = _seedFrames.Length / _codec.FrameSize;
        // Without seed audio, generation starts from noise of this RMS.
        _frameRms = _seedFrames.Length == 0 ? 0.01f * _codec.FrameLength : (float)Math.Sqrt(_seedFrames.Average(v => (double)v * v));
        // Release of the level follower: about 2 s to recover 60 dB.
        _release = MathF.Exp(-1f / (2f * preset.SampleRate / _codec.HopLength));
    }

    public int SampleRate => _preset.SampleRate;

    /// <summary>0 when the state is carried; else T, the frames each prediction re-reads.</summary>
    public int WindowFrames { get; }

    public int HopLength => _codec.HopLength;

    /// <summary>
    /// Noise added to each predicted frame before it is fed back, as a fraction of the seed frames' RMS value (so 0.1
    /// means the same on every preset): the generation varies and leaves a loop it has fallen into.
    /// </summary>
    public float Variation
    {
        get => _variation;
        set
        {
            _variation = Math.Max(0, value);
            _generator.Variation = _variation * _frameRms;
        }
    }

    /// <summary>The level head's draw temperature (<see cref="AudioFrameGenerator.LevelTemperature"/>); no effect without a head.</summary>
    public float Temperature
    {
        get => _generator.LevelTemperature;
        set => _generator.LevelTemperature = value;
    }

    /// <summary>Starts over: seed frames from a seed-chosen place in seed.wav (noise without one), decoder and level cleared.</summary>
    public void Restart(ulong seed)
    {
        _decoder.Reset();
        _phase?.Reset();
        _envelope = 0;
        _scale = -1;
        if (_seedFrameCount == 0)
        {
            _generator.SeedWithNoise(seed, _frameRms);
            return;
        }
        var take = Math.Min(AudioFramePreset.MaxSeedFrames, _seedFrameCount);
        // Seeds far apart in seed.wav (Fibonacci hashing; seed 0 starts at its beginning): neighbouring seeds would
        // otherwise start one frame apart and continue the same music.
        var start = (int)(unchecked(seed * 0x9E3779B97F4A7C15UL) % (ulong)(_seedFrameCount - take + 1));
        _generator.Seed(_seedFrames.AsSpan(start * _codec.FrameSize, take * _codec.FrameSize), seed);
    }

    /// <summary>Predicts one frame and writes the <see cref="HopLength"/> samples it completes.</summary>
    public void NextHop(Span<float> hop)
    {
        _generator.Next(_frame);
        foreach (var v in _frame)
        {
            if (!float.IsFinite(v))
            {
                Array.Clear(_frame);
                break;
            }
        }
        _phase?.Apply(_frame);
        _decoder.PushFrame(_frame, hop);
        var h = hop[..HopLength];
        var peak = 0f;
        foreach (var v in h) peak = Math.Max(peak, Math.Abs(v));
        // Instant attack, slow release: the whole hop is scaled by the level it needs.
        _envelope = peak > _envelope ? peak : _envelope * _release + peak * (1 - _release);
        var scale = _envelope > Ceiling ? Ceiling / _envelope : 1f;
        // Ramp from the last hop's scale: a gain step at every hop edge would itself click.
        var from = _scale < 0 ? scale : _scale;
        for (var i = 0; i < h.Length; i++) h[i] = Math.Clamp(h[i] * (from + (scale - from) * (i + 1) / h.Length), -1f, 1f);
        _scale = scale;
    }

    public void Dispose() => _preset.Dispose();
}
