using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.SeqAe;

/// <summary>
/// The seq-ae's generator, for `generate`, `render` and the instrument alike: a walk through binary codes. It starts
/// at a code drawn from the seed (each bit ±1) and decodes a subsequence of <see cref="SubsequenceLength"/> tokens
/// from it with the binary decoder (zero LSTM state, the previous token as one-hot, the code in at every step; each
/// token sampled with the temperature). Between subsequences the code moves: every <see cref="ThemeEvery"/>-th
/// subsequence returns to the stored theme code with probability <see cref="ThemeReturn"/>; otherwise about
/// <see cref="WalkRate"/> bits flip (its whole part, and one more with the probability of its fraction, distinct bits
/// at random). After each move the code becomes the theme with probability <see cref="ThemeStore"/>; the starting code
/// is the first theme. A token is a note, or a rest, of its duration in beats on the sixteenth grid. Steps allocate nothing.
/// </summary>
public sealed class SeqAeNoteGenerator : INoteGenerator
{
    /// <summary>Subsequences between chances to return to the theme (k).</summary>
    public const int ThemeEvery = 4;

    private readonly OnnxFrameStepModel _model;
    private readonly MonophonicNoteEncoding _encoding;
    private readonly RandomSource _random = new(0);
    private readonly int _vocabulary;
    private readonly float[] _frame, _next, _code, _theme;
    private readonly int[] _bits;
    private readonly double[] _weights;
    private float _temperature = 1;
    private int _position, _previous;
    private long _subsequences, _steps;

    /// <param name="model">One decoder step: frame [1, 1, V + m] (previous token one-hot, then the code) in, [1, V] out, the LSTM's two float state pairs.</param>
    /// <param name="subsequenceLength">Tokens decoded from each code (the run's subsequence length).</param>
    public SeqAeNoteGenerator(OnnxFrameStepModel model, MonophonicNoteEncoding encoding, int subsequenceLength)
    {
        _vocabulary = encoding.JointVocabularySize;
        if (model.FrameSize <= _vocabulary)
            throw new EuterpeException($"model: frames of {model.FrameSize} values leave no room for a code beside the notes encoding's {_vocabulary} tokens");
        if (model.OutputSize != _vocabulary) throw new EuterpeException($"model: writes {model.OutputSize} values, not a distribution over {_vocabulary} tokens");
        if (model.Signature.State is not { Count: 2 }) throw new EuterpeException("model: a seq-ae decoder carries two state pairs (its LSTM's h and c)");
        if (subsequenceLength < 1) throw new ArgumentOutOfRangeException(nameof(subsequenceLength));
        _model = model;
        _encoding = encoding;
        SubsequenceLength = subsequenceLength;
        CodeBits = model.FrameSize - _vocabulary;
        _frame = new float[model.FrameSize];
        _next = new float[_vocabulary];
        _code = new float[CodeBits];
        _theme = new float[CodeBits];
        _bits = new int[CodeBits];
        _weights = new double[_vocabulary];
        Reset(0);
    }

    public int CodeBits { get; }

    public int SubsequenceLength { get; }

    /// <summary>The bits consecutive held-out subsequences' codes differ by, as the preset measured: the default <see cref="WalkRate"/>.</summary>
    public double MeasuredWalkRate { get; init; } = 1;

    /// <summary>Bits flipped per subsequence, 0…<see cref="CodeBits"/> (the preset's measured mean by default).</summary>
    public double WalkRate { get; set; } = 1;

    /// <summary>p: the chance, every <see cref="ThemeEvery"/> subsequences, that the code returns to the theme.</summary>
    public double ThemeReturn { get; set; } = 0.5;

    /// <summary>q: the chance, after each move, that the current code is stored as the theme.</summary>
    public double ThemeStore { get; set; } = 0.1;

    /// <summary>The code the current subsequence is decoded from (±1 per bit).</summary>
    public ReadOnlySpan<float> Code => _code;

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2;

    public double GridBeats => 1.0 / _encoding.StepsPerBeat;

    public double Time => _steps / (double)_encoding.StepsPerBeat;

    public int ConditioningCount => 0;

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        for (var i = 0; i < CodeBits; i++) _code[i] = _random.NextDouble() < 0.5 ? -1 : 1;
        _code.CopyTo(_theme, 0);
        _steps = 0;
        _subsequences = 0;
        StartSubsequence();
    }

    public void SetSampling(SamplingOptions options) => _temperature = options.Temperature;

    public void SetConditioning(int index, float value)
    {
    }

    /// <summary>The player's controls: the walk rate as a multiple of the measured one (clamped to the code's bits) and the theme's chances.</summary>
    public void SteerWalk(in CodeWalkSteering walk)
    {
        WalkRate = Math.Clamp(MeasuredWalkRate * walk.RateScale, 0, CodeBits);
        ThemeReturn = Math.Clamp(walk.ThemeReturn, 0, 1);
        ThemeStore = Math.Clamp(walk.ThemeStore, 0, 1);
    }

    /// <summary>Stores the current code as the theme.</summary>
    public void StoreTheme() => _code.CopyTo(_theme, 0);

    public int Step(Span<ModelNoteEvent> output)
    {
        if (_position == SubsequenceLength)
        {
            Move();
            StartSubsequence();
        }
        Array.Clear(_frame, 0, _vocabulary);
        if (_previous >= 0) _frame[_previous] = 1;
        _code.CopyTo(_frame, _vocabulary);
        _model.Step(_frame, _next);
        _position++;
        _previous = Sample();
        var (pitch, duration) = _encoding.FromJoint(_previous);
        return _encoding.Play(pitch, duration, ref _steps, output);
    }

    /// <summary>Notes played live are not heard: the walk decides.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    /// <summary>A primer is not heard either: the clock stays where it is.</summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
    }

    public void Dispose() => _model.Dispose();

    private void StartSubsequence()
    {
        _model.ResetState();
        _position = 0;
        _previous = -1;
    }

    // The theme policy, then the walk; then maybe a new theme.
    private void Move()
    {
        _subsequences++;
        if (_subsequences % ThemeEvery == 0 && _random.NextDouble() < ThemeReturn) _theme.CopyTo(_code, 0);
        else
        {
            var rate = Math.Clamp(WalkRate, 0, CodeBits);
            var flips = (int)Math.Floor(rate);
            if (flips < CodeBits && _random.NextDouble() < rate - flips) flips++;
            // Distinct bits: the first `flips` places of a partial Fisher–Yates shuffle.
            for (var i = 0; i < CodeBits; i++) _bits[i] = i;
            for (var i = 0; i < flips; i++)
            {
                var j = i + _random.NextInt(CodeBits - i);
                (_bits[i], _bits[j]) = (_bits[j], _bits[i]);
                _code[_bits[i]] = -_code[_bits[i]];
            }
        }
        if (_random.NextDouble() < ThemeStore) StoreTheme();
    }

    // A token from the distribution with the temperature (0: the likeliest).
    private int Sample() => DistributionSampler.Draw(_next.AsSpan(0, _vocabulary), _temperature, _random, _weights);
}
