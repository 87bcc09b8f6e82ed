using Euterpe.Core.Audio;
using Euterpe.Core.Inference.Generators;

namespace Euterpe.Core.Inference.Audio;

/// <summary>
/// Generated audio from an <see cref="AudioFramePreset"/>, one hop at a time: seed the model with real frames (a
/// seed-chosen stretch of seed.wav, or noise), predict frame after frame carrying its state, inverse FFT and
/// overlap-add, and level control that keeps the output in range (predicted spectra drift in level). A frame that
/// is not finite is replaced by silence. Allocation-free after construction for power-of-two frame lengths
/// (the STFT layout); the GRUV layout's 4000-sample inverse FFT allocates scratch. One instance per thread.
/// </summary>
public sealed class AudioFrameStream
{
    /// <summary>The level the controller brings peaks down to (−3 dBFS before the user's gain; a gain ramp may pass it briefly, never 1).</summary>
    public const float Ceiling = 0.7f;

    private readonly AudioFramePreset _preset;
    private readonly AudioFrameCodec _codec;
    private readonly AudioFrameGenerator _generator;
    private readonly StreamingOverlapAddDecoder _decoder;
    private readonly float[] _seedFrames;
    private readonly int _seedFrameCount;
    private readonly float[] _frame;
    private readonly float[] _history; // window method: the last WindowFrames frames, oldest first
    private readonly float _release;
    private float _envelope;
    private readonly float _frameRms;
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
        _generator = new AudioFrameGenerator(preset.Model, 0);
        _decoder = new StreamingOverlapAddDecoder(_codec);
        _frame = new float[_codec.FrameSize];
        _history = new float[windowFrames * _codec.FrameSize];
        _seedFrames = preset.SeedAudio.Length > 0 ? _codec.EncodeFlat(preset.SeedAudio) : [];
        _seedFrameCount = _seedFrames.Length / _codec.FrameSize;
        _frameRms = _seedFrames.Length == 0 ? 0.01f * _codec.FrameLength : (float)Math.Sqrt(_seedFrames.Average(v => (double)v * v));
        // Release of the level follower: about 2 s to recover 60 dB.
        _release = MathF.Exp(-1f / (2f * preset.SampleRate / _codec.HopLength));
    }

    public int SampleRate => _preset.SampleRate;

    /// <summary>0 when the state is carried; else T, the frames each prediction re-reads.</summary>
    public int WindowFrames { get; }

    /// <summary>Samples each <see cref="NextHop"/> writes.</summary>
    public int HopLength => _codec.HopLength;

    /// <summary>Linear gain after level control.</summary>
    public float Gain { get; set; } = 1f;

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

    /// <summary>True when generation started from seed.wav rather than noise.</summary>
    public bool SeededFromAudio => _seedFrameCount > 0;

    /// <summary>Starts over: seed frames from a seed-chosen place in seed.wav (noise without one), decoder and level cleared.</summary>
    public void Restart(ulong seed)
    {
        _decoder.Reset();
        _envelope = 0;
        _scale = -1;
        Array.Clear(_history);
        if (_seedFrameCount == 0)
        {
            _generator.SeedWithNoise(seed, 0.01f * _codec.FrameLength);
            return;
        }
        var take = Math.Min(AudioFramePreset.MaxSeedFrames, _seedFrameCount);
        var start = (int)(seed % (ulong)(_seedFrameCount - take + 1));
        var frames = _seedFrames.AsSpan(start * _codec.FrameSize, take * _codec.FrameSize);
        _generator.Seed(frames);
        var keep = Math.Min(frames.Length, _history.Length);
        frames[^keep..].CopyTo(_history.AsSpan(_history.Length - keep));
    }

    /// <summary>Predicts one frame and writes the <see cref="HopLength"/> samples it completes.</summary>
    public void NextHop(Span<float> hop)
    {
        if (WindowFrames == 0) _generator.Next(_frame);
        else NextFromWindow();
        foreach (var v in _frame)
        {
            if (!float.IsFinite(v))
            {
                Array.Clear(_frame);
                break;
            }
        }
        _decoder.PushFrame(_frame, hop);
        var h = hop[..HopLength];
        var peak = 0f;
        foreach (var v in h) peak = Math.Max(peak, Math.Abs(v));
        // Instant attack, slow release: the whole hop is scaled by the level it needs.
        _envelope = peak > _envelope ? peak : _envelope * _release + peak * (1 - _release);
        var scale = (_envelope > Ceiling ? Ceiling / _envelope : 1f) * Gain;
        // Ramp from the last hop's scale: a gain step at every hop edge would itself click.
        var from = _scale < 0 ? scale : _scale;
        for (var i = 0; i < h.Length; i++) h[i] = Math.Clamp(h[i] * (from + (scale - from) * (i + 1) / h.Length), -1f, 1f);
        _scale = scale;
    }

    /// <summary>Fresh state, read the last T frames, predict; the prediction joins the window.</summary>
    private void NextFromWindow()
    {
        var f = _codec.FrameSize;
        var model = _preset.Model;
        model.ResetState();
        for (var offset = 0; offset < _history.Length; offset += f) model.Step(_history.AsSpan(offset, f), _frame);
        if (Variation > 0) _generator.AddVariation(_frame);
        _history.AsSpan(f).CopyTo(_history);
        _frame.CopyTo(_history.AsSpan(_history.Length - f));
    }
}
