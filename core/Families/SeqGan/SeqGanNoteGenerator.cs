using Euterpe.Core.Encoding;
using Euterpe.Core.Families.NGram;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.SeqGan;

/// <summary>
/// The SeqGAN's generator, for `generate`, `render` and the instrument alike. It writes segments of
/// <see cref="SegmentLength"/> tokens as the model was trained: each from a zero LSTM state and the start symbol, every
/// token drawn with the temperature from the logits (the start symbol masked out) and fed back. Under the "vocabulary"
/// scheme a token is a note or rest of its duration; under "ngram" it is a pitch (or a rest) whose duration the n-gram
/// model draws from the durations before it. Time is in beats on the sixteenth grid. Steps allocate nothing.
/// </summary>
public sealed class SeqGanNoteGenerator : INoteGenerator
{
    /// <summary>Tokens per segment: the window length the trainer uses by default.</summary>
    public const int SegmentLength = 32;

    private readonly OnnxTokenStepModel _model;
    private readonly NGramNoteModel? _durations;
    private readonly MonophonicNoteEncoding _encoding = SeqGanTokens.Encoding;
    private readonly RandomSource _random = new(0);
    private readonly TokenSampler _sampler;
    private readonly bool[] _allowed;
    private readonly int[] _durationHistory;
    private readonly int _start;
    private SamplingOptions _sampling = SamplingOptions.Default;
    private int _durationCount, _position, _previous;
    private long _steps;

    /// <param name="model">One generator step: a token in (the start symbol is the last), logits over every token out, the LSTM's two state pairs.</param>
    /// <param name="durations">The n-gram model the durations are drawn from (the "ngram" scheme), or null (the "vocabulary" scheme).</param>
    public SeqGanNoteGenerator(OnnxTokenStepModel model, NGramNoteModel? durations)
    {
        var written = SeqGanTokens.Count(durations is null ? SeqGanTokens.Vocabulary : SeqGanTokens.NGram);
        if (model.VocabularySize != written + 1)
            throw new EuterpeException($"model: {model.VocabularySize} logits, the scheme writes {written} tokens and a start symbol");
        if (model.ConditioningSize != 0) throw new EuterpeException("model: a seqgan generator reads no conditioning");
        _model = model;
        _durations = durations;
        _start = written;
        _sampler = new TokenSampler(written + 1);
        _allowed = new bool[written + 1];
        Array.Fill(_allowed, true, 0, written);
        _durationHistory = new int[Math.Max(1, (durations?.Order ?? 1) - 1)];
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
        _durationCount = 0;
        StartSegment();
    }

    public void SetSampling(SamplingOptions options) => _sampling = options;

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        if (_position == SegmentLength) StartSegment();
        var token = _sampler.Sample(_model.Step(_previous, default), _sampling, _random, _allowed);
        _previous = token;
        _position++;
        int pitch, duration;
        if (_durations is null) (pitch, duration) = _encoding.FromJoint(token);
        else (pitch, duration) = (token, NextDuration());
        return _encoding.Play(pitch, duration, ref _steps, output);
    }

    /// <summary>Notes played live are not heard: every segment starts from the start symbol.</summary>
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
        _previous = _start;
        _position = 0;
    }

    // The n-gram's next duration after the last ones drawn (oldest first), remembered across segments so the rhythm runs on.
    private int NextDuration()
    {
        var duration = _durations!.DrawDuration(_durationHistory.AsSpan(0, _durationCount), _sampling.Temperature, _random);
        if (_durationCount == _durationHistory.Length)
        {
            _durationHistory.AsSpan(1).CopyTo(_durationHistory);
            _durationCount--;
        }
        _durationHistory[_durationCount++] = duration;
        return duration;
    }
}
