using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.RnnGan;

/// <summary>
/// The RNN-GAN's generator, for `generate`, `render` and the instrument alike. It writes segments of
/// <see cref="SegmentLength"/> tokens as the model was trained: each from a zero LSTM state and an all-zero
/// distribution as first input; at every step fresh Gaussian noise z_t (drawn from the seed) beside the model's own
/// previous distribution goes in. The token for the music is sampled from the distribution with the temperature
/// (0: the likeliest); a token is a note, or a rest, of its duration, in beats on the sixteenth grid. Steps allocate nothing.
/// </summary>
public sealed class RnnGanNoteGenerator : INoteGenerator
{
    /// <summary>Tokens per segment: the window length the trainer uses by default.</summary>
    public const int SegmentLength = 32;

    private readonly OnnxFrameStepModel _model;
    private readonly MonophonicNoteEncoding _encoding;
    private readonly RandomSource _random = new(0);
    private readonly int _vocabulary;
    private readonly float[] _frame, _next;
    private readonly double[] _weights;
    private float _temperature = 1;
    private int _position;
    private long _steps;

    /// <param name="model">One generator step: frame [1, 1, V + Z] (distribution, then noise) in, [1, V + Z] out, the LSTM's two float state pairs.</param>
    public RnnGanNoteGenerator(OnnxFrameStepModel model, MonophonicNoteEncoding encoding)
    {
        _vocabulary = encoding.JointVocabularySize;
        if (model.FrameSize <= _vocabulary)
            throw new EuterpeException($"model: frames of {model.FrameSize} values leave no room for noise beside the notes encoding's {_vocabulary} tokens");
        if (model.Signature.State is not { Count: 2 }) throw new EuterpeException("model: an rnn-gan generator carries two state pairs (its LSTM's h and c)");
        _model = model;
        _encoding = encoding;
        _frame = new float[model.FrameSize];
        _next = new float[model.FrameSize];
        _weights = new double[_vocabulary];
        Reset(0);
    }

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2;

    public double GridBeats => 1.0 / _encoding.StepsPerBeat;

    public double Time => _steps / (double)_encoding.StepsPerBeat;

    public int ConditioningCount => 0;

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        _steps = 0;
        StartSegment();
    }

    public void SetSampling(SamplingOptions options) => _temperature = options.Temperature;

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        if (_position == SegmentLength) StartSegment();
        _random.FillGaussian(_frame.AsSpan(_vocabulary));
        _model.Step(_frame, _next);
        _position++;
        _next.AsSpan(0, _vocabulary).CopyTo(_frame);
        var (pitch, duration) = _encoding.FromJoint(Sample());
        return _encoding.Play(pitch, duration, ref _steps, output);
    }

    /// <summary>Notes played live are not heard: the model starts every segment from noise.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    /// <summary>A primer is not heard either: the clock stays where it is.</summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
    }

    public void Dispose() => _model.Dispose();

    private void StartSegment()
    {
        _model.ResetState();
        Array.Clear(_frame);
        _position = 0;
    }

    // A token from the distribution with the temperature (0: the likeliest).
    private int Sample() => DistributionSampler.Draw(_next.AsSpan(0, _vocabulary), _temperature, _random, _weights);
}
