using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.NGram;

/// <summary>
/// The n-gram melody model's generator, for `generate`, `render` and the instrument alike: each step draws the next
/// pitch and then the next duration (two separate distributions) and writes the note's start and end. Times are beats
/// on the encoding's step grid. Only the last Order−1 tokens are kept as history, in fixed arrays: a step never
/// allocates.
/// </summary>
public sealed class NGramGenerator : INoteGenerator
{
    private readonly NGramNoteModel _model;
    private readonly MonophonicNoteEncoding _encoding;
    private readonly RandomSource _random = new(0);
    private readonly int[] _pitches;
    private readonly int[] _durations;
    private int _pitchCount;
    private int _durationCount;
    private double _temperature = 1;
    private double _beats;

    public NGramGenerator(NGramNoteModel model, MonophonicNoteEncoding encoding)
    {
        if (model.Pitches.VocabularySize != encoding.PitchVocabularySize || model.Durations.VocabularySize != encoding.DurationCount)
            throw new EuterpeException($"n-gram model: {model.Pitches.VocabularySize} pitch and {model.Durations.VocabularySize} duration tokens do not match the encoding's {encoding.PitchVocabularySize} and {encoding.DurationCount}");
        _model = model;
        _encoding = encoding;
        _pitches = new int[Math.Max(1, model.Order - 1)];
        _durations = new int[Math.Max(1, model.Order - 1)];
    }

    public MonophonicNoteEncoding Encoding => _encoding;

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => 2;

    public double GridBeats => 1.0 / _encoding.StepsPerBeat;

    public double Time => _beats;

    public int ConditioningCount => 0;

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        _pitchCount = _durationCount = 0;
        _beats = 0;
    }

    public void SetSampling(SamplingOptions options) => _temperature = options.Temperature;

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        var pitch = _model.DrawPitch(_pitches.AsSpan(0, _pitchCount), _temperature, _random);
        var duration = _model.DrawDuration(_durations.AsSpan(0, _durationCount), _temperature, _random);
        Push(_pitches, ref _pitchCount, pitch);
        Push(_durations, ref _durationCount, duration);
        var start = _beats;
        _beats += _encoding.DurationSteps[duration] / (double)_encoding.StepsPerBeat;
        if (pitch == _encoding.RestPitchToken) return 0;
        var midiPitch = _encoding.MinPitch + pitch;
        output[0] = new ModelNoteEvent(true, midiPitch, _encoding.Velocity, start);
        output[1] = new ModelNoteEvent(false, midiPitch, 0, _beats);
        return 2;
    }

    /// <summary>A played note joins the pitch history (its duration is not known yet, so durations keep theirs).</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
        if (!isNoteOn || pitch < _encoding.MinPitch || pitch > _encoding.MaxPitch) return;
        Push(_pitches, ref _pitchCount, pitch - _encoding.MinPitch);
    }

    /// <summary>
    /// Starts from a piece of music: its melody (as the encoding hears it) becomes the pitch and duration history and
    /// moves the clock on, and its notes are added to <paramref name="heard"/> (so the output starts with the primer).
    /// </summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
        foreach (var token in _encoding.EncodePairs(primer))
        {
            Push(_pitches, ref _pitchCount, token.PitchToken);
            Push(_durations, ref _durationCount, token.DurationToken);
            var start = _beats;
            _beats += _encoding.DurationSteps[token.DurationToken] / (double)_encoding.StepsPerBeat;
            if (token.PitchToken == _encoding.RestPitchToken) continue;
            heard.Add(new ModelNoteEvent(true, _encoding.MinPitch + token.PitchToken, _encoding.Velocity, start));
            heard.Add(new ModelNoteEvent(false, _encoding.MinPitch + token.PitchToken, 0, _beats));
        }
    }

    public void Dispose()
    {
    }

    private static void Push(int[] history, ref int count, int token)
    {
        if (count == history.Length)
        {
            if (history.Length > 1) Array.Copy(history, 1, history, 0, history.Length - 1);
            history[^1] = token;
        }
        else history[count++] = token;
    }
}
