using Euterpe.Core.Generation;
namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// Predicts audio frame after frame. A window model re-reads its last T frames each step (the literature's
/// method); a stateful model (T = 1) carries its LSTM state and reads only the newest frame. Seeded with frames
/// from real audio or noise. Allocation-free after construction.
/// </summary>
public sealed class AudioFrameGenerator
{
    private readonly IFrameStepModel _model;
    private readonly float[] _window; // ContextFrames × FrameSize, oldest first
    private readonly float[] _next;
    private readonly RandomSource _random;

    public AudioFrameGenerator(IFrameStepModel model, ulong seed)
    {
        _model = model;
        _window = new float[model.ContextFrames * model.FrameSize];
        _next = new float[model.FrameSize];
        _random = new RandomSource(seed);
    }

    public int FrameSize => _model.FrameSize;

    /// <summary>
    /// Standard deviation of Gaussian noise added to each predicted frame before it is fed back ("variation"). The noise
    /// steers what the model reads next; <see cref="Next"/> writes the prediction without it, so it is not heard.
    /// </summary>
    public float Variation { get; set; }

    /// <summary>Fills the context with seed frames (oldest first); fewer than the context length are right-aligned.</summary>
    public void Seed(ReadOnlySpan<float> frames) => Seed(frames, 0);

    /// <summary>As <see cref="Seed(ReadOnlySpan{float})"/>; <paramref name="noiseSeed"/> starts the variation noise, so seeds differ all along.</summary>
    public void Seed(ReadOnlySpan<float> frames, ulong noiseSeed)
    {
        _random.Reseed(noiseSeed);
        if (frames.Length % FrameSize != 0) throw new ArgumentException($"seed length {frames.Length} is not a multiple of the frame size {FrameSize}", nameof(frames));
        _model.ResetState();
        Array.Clear(_window);
        var take = Math.Min(frames.Length, _window.Length);
        frames[^take..].CopyTo(_window.AsSpan(_window.Length - take));
        // A stateful model must read every seed frame to build its state; only the last one stays as context.
        if (_model.ContextFrames == 1)
        {
            for (var offset = 0; offset + FrameSize < frames.Length; offset += FrameSize)
                _model.Step(frames.Slice(offset, FrameSize), _next);
        }
    }

    /// <summary>Seeds with Gaussian noise frames.</summary>
    public void SeedWithNoise(ulong seed, float scale)
    {
        _random.Reseed(seed);
        _model.ResetState();
        _random.FillGaussian(_window, scale);
    }

    /// <summary>
    /// Predicts the next frame into <paramref name="frame"/> and slides it, with the <see cref="Variation"/> noise, into
    /// the context.
    /// </summary>
    public void Next(Span<float> frame)
    {
        if (frame.Length != FrameSize) throw new ArgumentException($"frame has {frame.Length} values, model writes {FrameSize}", nameof(frame));
        _model.Step(_window, _next);
        _next.CopyTo(frame);
        if (Variation > 0)
            for (var i = 0; i < _next.Length; i++) _next[i] += (float)_random.NextGaussian() * Variation;
        // Slide the window left by one frame and append the prediction.
        _window.AsSpan(FrameSize).CopyTo(_window);
        _next.CopyTo(_window.AsSpan(_window.Length - FrameSize));
    }
}
