using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.EventRnn;

/// <summary>
/// The event RNN's generator, for `generate`, `render` and the instrument alike: performance-event tokens
/// (NOTE_ON/NOTE_OFF/TIME_SHIFT/VELOCITY) sampled one at a time by a <see cref="TokenGenerator"/> and decoded to note
/// events by a <see cref="PerformanceStreamDecoder"/> that ends a note after 5 s (as Performance RNN's generator does).
/// NOTE_OFF of a pitch that is not sounding is never sampled: it would end nothing, and the probability the model puts
/// there goes to the events that can happen. Time is cut into phrases of <see cref="PhraseSeconds"/> (time shifts are
/// split at their boundaries), and at each boundary the previous phrase is played again with
/// <see cref="RepeatChance"/>: its tokens are fed to the model instead of sampled ones, so the model goes on from
/// the repeat. <see cref="HoldDensity"/> holds the onset rate with a <see cref="DensityController"/> on the note-on
/// logits. Times are seconds. Generation starts from TIME_SHIFT of one step, a token every performance vocabulary
/// has. Steps allocate nothing.
/// </summary>
public sealed class EventRnnGenerator : INoteGenerator
{
    private readonly ITokenStepModel _model;
    private readonly PerformanceEncoding _encoding;
    private readonly PerformanceStreamDecoder _decoder;
    private readonly TokenGenerator _tokens;
    private readonly StreamedNoteEvent[] _decoded = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
    private readonly int _conditioningCount;
    private readonly float[] _mean;
    // Which tokens may be sampled: everything but the NOTE_OFFs of pitches that are not sounding.
    private readonly bool[] _allowed;
    private readonly PhraseMemory _phrases = new();
    private readonly RandomSource _repeats = new(0);
    private readonly long _phraseSteps;
    private long _nextBoundary;
    private int _pendingShift;
    private int _replayed = -1;
    private readonly int[] _one = new int[1];
    private DensityController? _density;
    private float[] _logitBias = [];
    private float _appliedBias;

    /// <summary>A phrase: four bars of 4/4 at 120 BPM, the tempo `generate` writes its MIDI at.</summary>
    public const double PhraseSeconds = 8.0;

    /// <summary>
    /// How often a phrase repeats the one before. The first 60 s of the OpenMSX songs repeat 0.198 of their 4-bar
    /// windows; a repeat at one of a minute's 7 boundaries makes two of its 27 windows match, so a chance of 0.35
    /// gives about 0.52 × 0.35 ≈ 0.18 on average (a few seeds vary widely: 7 draws each).
    /// </summary>
    public const double RepeatChance = 0.35;

    /// <param name="conditioningCount">Conditioning inputs the manifest names (0 or 1: one vector).</param>
    /// <param name="conditioningMean">
    /// The training corpus's mean conditioning vector (the model's metadata), where the vector starts and what
    /// <see cref="Steer"/> departs from; absent, empty or all zeros for none (then the manifest's slots steer it).
    /// </param>
    public EventRnnGenerator(ITokenStepModel model, PerformanceEncoding encoding, int conditioningCount, float[]? conditioningMean = null)
    {
        if (model.VocabularySize != encoding.VocabularySize)
            throw new EuterpeException($"model: vocabulary of {model.VocabularySize} tokens does not match the performance encoding's {encoding.VocabularySize}");
        _model = model;
        _encoding = encoding;
        _decoder = new PerformanceStreamDecoder(encoding, PerformanceStreamDecoder.GenerationMaxNoteSeconds);
        _tokens = new TokenGenerator(model, StartToken(encoding), 0);
        _allowed = new bool[encoding.VocabularySize];
        _phraseSteps = (long)Math.Round(PhraseSeconds / encoding.Options.StepSeconds);
        ClearAllowed();
        ResetPhrases(0);
        _tokens.SetMask(_allowed);
        _conditioningCount = conditioningCount;
        // All zeros is what a model without the mean in its metadata reads as: no mean to steer from.
        _mean = conditioningMean is { } mean && mean.Length == _tokens.Conditioning.Length && mean.AsSpan().ContainsAnyExcept(0f)
            ? (float[])mean.Clone() : [];
        _mean.CopyTo(_tokens.Conditioning);
    }

    public PerformanceEncoding Encoding => _encoding;

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Seconds;

    public int MaxEventsPerStep => PerformanceStreamDecoder.MaxEventsPerToken;

    public double GridBeats => 0;

    public double Time => _decoder.Seconds;

    public int ConditioningCount => _conditioningCount;

    /// <summary>The model's conditioning vector (empty for an unconditional model); write into it between steps.</summary>
    public Span<float> Conditioning => _tokens.Conditioning;

    /// <summary>TIME_SHIFT of one step.</summary>
    public static int StartToken(PerformanceEncoding encoding) => encoding.TimeShiftOffset;

    public void Reset(ulong seed)
    {
        _tokens.Reset(seed);
        _decoder.Reset();
        ClearAllowed();
        ResetPhrases(seed);
        _density?.Reset(0);
    }

    private void ResetPhrases(ulong seed)
    {
        _phrases.Reset();
        _repeats.Reseed(seed ^ 0x5048524153455331UL);
        _nextBoundary = _phraseSteps;
        _pendingShift = 0;
        _replayed = -1;
    }

    private void ClearAllowed()
    {
        _allowed.AsSpan().Fill(true);
        _allowed.AsSpan(_encoding.NoteOffOffset, _encoding.PitchCount).Clear();
    }

    // Keeps the NOTE_OFFs that may be sampled in step with the notes the decoder has sounding.
    private void Follow(in StreamedNoteEvent e)
    {
        var index = e.Pitch - _encoding.Options.MinPitch;
        if ((uint)index < (uint)_encoding.PitchCount) _allowed[_encoding.NoteOffOffset + index] = e.IsNoteOn;
    }

    /// <summary>
    /// Holds the output at <paramref name="notesPerSecond"/> onsets per second (null: let the model choose) with a
    /// <see cref="DensityController"/> on the note-on logits, measured from the next <see cref="Reset"/> or primer.
    /// Call before generating, not between steps (it allocates).
    /// </summary>
    public void HoldDensity(double? notesPerSecond)
    {
        if (notesPerSecond is not { } target)
        {
            _density = null;
            _tokens.SetLogitBias(default);
            return;
        }
        _density = new DensityController(target);
        _density.Reset(_decoder.Seconds);
        if (_logitBias.Length == 0) _logitBias = new float[_encoding.VocabularySize];
        Array.Clear(_logitBias);
        _appliedBias = 0;
        _tokens.SetLogitBias(_logitBias);
    }

    public void SetSampling(SamplingOptions options) => _tokens.Options = options;

    /// <summary>A manifest conditioning input is one tensor filled with its value, so the value fills the whole vector.</summary>
    public void SetConditioning(int index, float value)
    {
        if ((uint)index < (uint)_conditioningCount) _tokens.Conditioning.Fill(value);
    }

    /// <summary>
    /// The 14 features the conditional model was trained on (<see cref="ConditioningFeatures"/>): the key's scale as
    /// equal pitch-class weights (Chromatic keeps the corpus's histogram), the corpus's density times the fraction, and
    /// the corpus's mean pitch (register is the player's octave shift, applied to the notes).
    /// </summary>
    public bool Steer(in MusicalSteering steering)
    {
        var values = _tokens.Conditioning;
        if (values.Length != ConditioningFeatures.Length || _mean.Length != values.Length) return false;
        _mean.CopyTo(values);
        if (steering.Scale > 0)
        {
            var inScale = 0;
            for (var pc = 0; pc < 12; pc++) if (MusicalScale.Contains(steering.Scale, steering.Key, pc)) inScale++;
            for (var pc = 0; pc < 12; pc++) values[pc] = MusicalScale.Contains(steering.Scale, steering.Key, pc) ? 1f / inScale : 0f;
        }
        values[12] = (float)Math.Clamp(_mean[12] * steering.DensityFraction, 0, 1);
        return true;
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        if (_density is { } density && density.NoteOnBias != _appliedBias)
        {
            // Note-on tokens come first in the performance vocabulary, one per pitch.
            _appliedBias = density.NoteOnBias;
            _logitBias.AsSpan(0, _encoding.NoteOffOffset).Fill(_appliedBias);
        }
        int token;
        if (_replayed >= 0 && _replayed < _phrases.Previous.Length) Feed(token = _phrases.Previous[_replayed++]);
        else if (_pendingShift > 0)
        {
            Feed(token = _encoding.TimeShiftOffset + _pendingShift - 1);
            _pendingShift = 0;
        }
        else token = _tokens.Next();
        var e0 = _encoding.TokenToEvent(token);
        if (e0.Type == PerformanceEventType.TimeShift && _decoder.Step + e0.Value > _nextBoundary)
        {
            // Cut at the boundary, so that every phrase starts exactly on one and a repeat keeps its timing.
            var first = (int)(_nextBoundary - _decoder.Step);
            _pendingShift = e0.Value - first;
            token = _encoding.TimeShiftOffset + first - 1;
            _tokens.ReplaceLast(token);
        }
        _phrases.Record(token);
        var count = _decoder.Feed(token, _decoded);
        for (var i = 0; i < count; i++)
        {
            var e = _decoded[i];
            Follow(e);
            output[i] = new ModelNoteEvent(e.IsNoteOn, e.Pitch, e.Velocity, e.Seconds);
            if (e.IsNoteOn) _density?.Onset(e.Seconds);
        }
        if (_decoder.Step == _nextBoundary) NextPhrase();
        _density?.Update(_decoder.Seconds);
        return count;
    }

    // A token the generator chose rather than sampled, as the next input of the model.
    private void Feed(int token)
    {
        _one[0] = token;
        _tokens.Prime(_one);
    }

    // At a boundary: the next phrase is new, or (by chance) the previous one again, in which case a cut shift's rest is dropped.
    private void NextPhrase()
    {
        _phrases.Next();
        _nextBoundary += _phraseSteps;
        _replayed = -1;
        if (_phrases.Previous.Length > 0 && _repeats.NextDouble() < RepeatChance)
        {
            _replayed = 0;
            _pendingShift = 0;
        }
    }

    // After tokens that were not split at boundaries (a primer, live notes): the phrase they fell in is not repeated.
    private void AfterPrimer()
    {
        _phrases.Spoil();
        while (_nextBoundary <= _decoder.Step) _nextBoundary += _phraseSteps;
        _replayed = -1;
        _pendingShift = 0;
    }

    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
        if (pitch < _encoding.Options.MinPitch || pitch > _encoding.Options.MaxPitch) return;
        Span<int> tokens = stackalloc int[2];
        var n = 0;
        if (isNoteOn && _encoding.Options.VelocityBins > 0)
            tokens[n++] = _encoding.EventToToken(PerformanceEvent.Velocity(_encoding.VelocityToBin(velocity)));
        tokens[n++] = _encoding.EventToToken(isNoteOn ? PerformanceEvent.NoteOn(pitch) : PerformanceEvent.NoteOff(pitch));
        _tokens.Prime(tokens[..n]);
        AfterPrimer();
    }

    /// <summary>
    /// Starts from a piece of music: its performance events become the model's context and move the clock on, and
    /// the notes they decode to are added to <paramref name="heard"/> (so the output starts with the primer).
    /// </summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
        var tokens = _encoding.Encode(primer);
        _tokens.Prime(tokens);
        foreach (var token in tokens)
        {
            var count = _decoder.Feed(token, _decoded);
            for (var i = 0; i < count; i++)
            {
                Follow(_decoded[i]);
                heard.Add(new ModelNoteEvent(_decoded[i].IsNoteOn, _decoded[i].Pitch, _decoded[i].Velocity, _decoded[i].Seconds));
            }
        }
        AfterPrimer();
        _density?.Reset(_decoder.Seconds); // the density held is the continuation's, not the primer's
    }

    public void Dispose() => _model.Dispose();
}
