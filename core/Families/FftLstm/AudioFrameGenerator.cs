using Euterpe.Core.Generation;
namespace Euterpe.Core.Families.FftLstm;

/// <summary>
/// Predicts audio frame after frame. A window model re-reads its last T frames each step (the literature's
/// method); a stateful model (T = 1) carries its LSTM state and reads only the newest frame. Seeded with frames
/// from real audio or noise. A model with a level head (<see cref="FrameLevelBins"/>) has each frame's level drawn
/// from its predicted classes, and the frame brought to it before it is heard and fed back. Allocation-free after
/// construction.
/// </summary>
public sealed class AudioFrameGenerator
{
    private readonly IFrameStepModel _model;
    private readonly float[] _window; // ContextFrames × FrameSize, oldest first
    private readonly float[] _next;
    private readonly RandomSource _random;
    private readonly RandomSource _levelRandom;
    private readonly FrameLevelBins? _levels;
    private readonly float[] _levelWeights;

    /// <param name="levels">The classes of the model's level head; required when it has one (and only then).</param>
    public AudioFrameGenerator(IFrameStepModel model, ulong seed, FrameLevelBins? levels = null)
    {
        if ((model.LevelClasses > 0) != levels.HasValue || (levels is { } l && l.Count != model.LevelClasses))
            throw new ArgumentException($"the model's level head has {model.LevelClasses} classes, the preset gives {levels?.Count ?? 0}", nameof(levels));
        _model = model;
        _window = new float[model.ContextFrames * model.FrameSize];
        _next = new float[model.FrameSize];
        _random = new RandomSource(seed);
        _levelRandom = new RandomSource(seed);
        _levels = levels;
        _levelWeights = new float[model.LevelClasses];
    }

    public int FrameSize => _model.FrameSize;

    /// <summary>
    /// Standard deviation of Gaussian noise added to each predicted frame before it is fed back ("variation"). The noise
    /// steers what the model reads next; <see cref="Next"/> writes the prediction without it, so it is not heard.
    /// </summary>
    public float Variation { get; set; }

    /// <summary>Temperature of the level draw (1: as predicted; towards 0: the likeliest class). No effect without a level head.</summary>
    public float LevelTemperature { get; set; } = 1;

    /// <summary>The level (dB, <see cref="FrameLevelBins.Db"/>) drawn for the last frame; NaN without a level head.</summary>
    public float LastLevelDb { get; private set; } = float.NaN;

    /// <summary>Fills the context with seed frames (oldest first); fewer than the context length are right-aligned.</summary>
    public void Seed(ReadOnlySpan<float> frames) => Seed(frames, 0);

    /// <summary>As <see cref="Seed(ReadOnlySpan{float})"/>; <paramref name="noiseSeed"/> starts the variation noise, so seeds differ all along.</summary>
    public void Seed(ReadOnlySpan<float> frames, ulong noiseSeed)
    {
        _random.Reseed(noiseSeed);
        _levelRandom.Reseed(~noiseSeed);
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
        _levelRandom.Reseed(~seed);
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
        if (_levels is { } levels) DrawLevel(levels);
        _next.CopyTo(frame);
        if (Variation > 0)
            for (var i = 0; i < _next.Length; i++) _next[i] += (float)_random.NextGaussian() * Variation;
        // Slide the window left by one frame and append the prediction.
        _window.AsSpan(FrameSize).CopyTo(_window);
        _next.CopyTo(_window.AsSpan(_window.Length - FrameSize));
    }

    /// <summary>Draws a level class from the head's logits, a level inside it, and scales the predicted frame to it.</summary>
    private void DrawLevel(FrameLevelBins levels)
    {
        var logits = _model.LevelLogits;
        var temperature = Math.Max(1e-3f, LevelTemperature);
        var max = float.NegativeInfinity;
        foreach (var v in logits) max = Math.Max(max, v);
        if (!float.IsFinite(max)) return; // a broken prediction: leave the frame as predicted (the stream silences it)
        double total = 0;
        for (var k = 0; k < logits.Length; k++) total += _levelWeights[k] = MathF.Exp((logits[k] - max) / temperature);
        var pick = _levelRandom.NextDouble() * total;
        var bin = logits.Length - 1;
        for (var k = 0; k < logits.Length; k++)
        {
            pick -= _levelWeights[k];
            if (pick < 0)
            {
                bin = k;
                break;
            }
        }
        var target = levels.LowDb + (bin + (float)_levelRandom.NextDouble()) * levels.StepDb;
        var power = FrameLevelBins.MeanSquare(_next);
        if (!(power > 0)) return; // silence has no shape to scale
        var gain = (float)Math.Sqrt(Math.Pow(10, target / 10.0) / power);
        if (!float.IsFinite(gain)) return;
        for (var i = 0; i < _next.Length; i++) _next[i] *= gain;
        LastLevelDb = target;
    }
}
