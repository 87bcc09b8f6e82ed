using Euterpe.Core.Music;

namespace Euterpe.Core.Inference.Generators;

/// <summary>
/// Generates whole piano rolls (GAN- or VAE-style decoders): draws seedable Gaussian noise scaled by
/// <see cref="Variation"/>, runs the model with the conditioning in force, and turns the roll into notes by a threshold.
/// Same seed, same settings, same roll.
/// </summary>
public sealed class PianoRollGenerator
{
    private readonly IPianoRollModel _model;
    private readonly RandomSource _random;
    private readonly float[] _noise;
    private readonly float[] _conditioning;
    private readonly float[] _roll;
    private float _threshold = 0.5f;
    private int _lowestPitch;

    public PianoRollGenerator(IPianoRollModel model, ulong seed)
    {
        _model = model;
        _random = new RandomSource(seed);
        _noise = new float[model.LatentSize];
        _conditioning = new float[model.ConditioningSize];
        _roll = new float[model.Steps * model.Pitches];
        // A partial roll is placed so that its middle sits near middle C unless told otherwise.
        _lowestPitch = model.Pitches >= 128 ? 0 : Math.Clamp(60 - model.Pitches / 2, 0, 128 - model.Pitches);
    }

    public int Steps => _model.Steps;

    public int Pitches => _model.Pitches;

    /// <summary>Scale of the noise (its standard deviation): 0 gives the model's "average" roll, larger wanders further.</summary>
    public float Variation { get; set; } = 1f;

    /// <summary>Activation at or above which a cell sounds.</summary>
    public float Threshold
    {
        get => _threshold;
        set => _threshold = float.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), "threshold must be finite");
    }

    /// <summary>MIDI pitch of the roll's first column.</summary>
    public int LowestPitch
    {
        get => _lowestPitch;
        set => _lowestPitch = value >= 0 && value + Pitches <= 128 ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"pitches {value}..{value + Pitches - 1} leave the MIDI range");
    }

    /// <summary>The conditioning vector in force; write into it between rolls.</summary>
    public Span<float> Conditioning => _conditioning;

    /// <summary>The noise of the last roll.</summary>
    public ReadOnlySpan<float> Noise => _noise;

    /// <summary>The last roll, step-major, activations in [0, 1].</summary>
    public ReadOnlySpan<float> Roll => _roll;

    /// <summary>Restarts the noise stream: the rolls that follow repeat those after any earlier reset with this seed.</summary>
    public void Reset(ulong seed) => _random.Reseed(seed);

    /// <summary>Draws fresh noise and generates one roll (no allocation).</summary>
    public ReadOnlySpan<float> GenerateRoll()
    {
        _random.FillGaussian(_noise, Variation);
        _model.Generate(_noise, _conditioning, _roll);
        return _roll;
    }

    /// <summary>Generates one roll and returns its notes, sorted by start then pitch; step s starts at s × the step length.</summary>
    public List<Note> GenerateNotes(long ticksPerStep, double secondsPerStep, int velocity = 100)
    {
        if (ticksPerStep <= 0) throw new ArgumentOutOfRangeException(nameof(ticksPerStep));
        if (!(secondsPerStep > 0)) throw new ArgumentOutOfRangeException(nameof(secondsPerStep));
        if (velocity is < 1 or > 127) throw new ArgumentOutOfRangeException(nameof(velocity));
        GenerateRoll();
        return PianoRollNoteDecoder.Decode(_roll, Steps, Pitches, Threshold, LowestPitch, ticksPerStep, secondsPerStep, velocity);
    }
}
