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
/// the repeat; the notes still held when a repeat begins end first. <see cref="HoldDensity"/> holds the onset rate
/// with a <see cref="DensityController"/> on the note-on logits. A <see cref="KeyTracker"/> follows the key the output
/// is in, and note-ons outside it lose <see cref="OutOfKeyPenalty"/> log-odds. With the training corpus's long-note
/// length (<see cref="LongNoteSeconds"/>), a note held past it grows likelier to end at every step
/// (<see cref="EndHazard"/>): the model keeps track of a few notes, not of a forgotten one, and the 5 s cut stays only
/// as the guard. A conditional model with the corpus's keys (<see cref="CorpusKeys"/>) starts each seed from a
/// training piece's pitch classes drawn for it (<see cref="HomeControls"/>). Times are seconds. Generation starts from
/// TIME_SHIFT of one step, a token every performance vocabulary has. Steps allocate nothing.
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
    // The controls this seed starts from: the corpus mean, its histogram from the training piece the seed picks.
    private readonly float[] _home;
    private readonly CorpusKeys? _keys;
    // Which tokens may be sampled: everything but the NOTE_OFFs of pitches that are not sounding.
    private readonly bool[] _allowed;
    private readonly PhraseMemory _phrases = new();
    private readonly RandomSource _repeats = new(0);
    private readonly long _phraseSteps;
    private long _nextBoundary;
    private int _pendingShift;
    private int _replayed = -1;
    private bool _closing; // a repeat begins: the notes still held from the phrase before end first
    private readonly int[] _one = new int[1];
    private DensityController? _density;
    // Added to the logits at every step: note-ons by density and key, the NOTE_OFFs of notes just begun or held long.
    private readonly float[] _logitBias;
    private float _appliedBias;
    private readonly KeyTracker _key = new();
    private int _appliedRoot = -1;
    private readonly long _longNoteSteps;
    private readonly long _minNoteSteps;

    /// <summary>A phrase: four bars of 4/4 at 120 BPM, the tempo `generate` writes its MIDI at.</summary>
    public const double PhraseSeconds = 8.0;

    /// <summary>
    /// How often a phrase repeats the one before. The first 60 s of the OpenMSX songs repeat 0.198 of their 4-bar
    /// windows; a repeat at one of a minute's 7 boundaries makes two of its 27 windows match, so a chance of 0.35
    /// gives about 0.52 × 0.35 ≈ 0.18 on average (a few seeds vary widely: 7 draws each).
    /// </summary>
    public const double RepeatChance = 0.35;

    /// <summary>
    /// Log-odds added to a held note's NOTE_OFF for each <see cref="LongNoteSeconds"/> it has sounded beyond that length
    /// (+10 half a long-note length past it): a forgotten note ends within a fraction of a second of passing it, while
    /// the model's own NOTE_OFFs, long before, are untouched.
    /// </summary>
    public const float EndHazard = 20f;

    /// <summary>
    /// Log-odds taken from a note-on outside the key the output is in (<see cref="KeyTracker"/>): it stays possible
    /// (e^−0.75 ≈ 0.47× as likely), so the model still modulates and colours, but strays less often note by note. With
    /// the shipped OpenMSX model (10 seeds × 60 s, seeds starting from drawn pieces) 0.5 left 7.21 pitch classes per
    /// bar and 0.75 7.13 (corpus 5.44), notes in the best-fitting scale 0.938 and 0.950 (corpus 0.906).
    /// </summary>
    public const float OutOfKeyPenalty = 0.75f;

    /// <summary>
    /// A note's NOTE_OFF is not sampled before it has sounded this long (it loses 30 nats: in effect never). 0.2 % of
    /// the OpenMSX songs' notes are shorter; the shipped model, left alone, ended a quarter of its notes within 50 ms
    /// (10 seeds × 60 s), a click rather than a note.
    /// </summary>
    public const double MinNoteSeconds = 0.03;

    private const float Blocked = 30f;

    /// <param name="conditioningCount">Conditioning inputs the manifest names (0 or 1: one vector).</param>
    /// <param name="conditioningMean">
    /// The training corpus's mean conditioning vector (the model's metadata), where the vector starts and what
    /// <see cref="Steer"/> departs from; absent, empty or all zeros for none (then the manifest's slots steer it).
    /// </param>
    /// <param name="longNoteSeconds">
    /// The length few training notes exceed (the model's metadata: 99th percentile of the training notes' lengths);
    /// null or 0 for none, then only the 5 s cut ends forgotten notes.
    /// </param>
    /// <param name="keys">
    /// The training corpus's keys (the model's metadata): each seed picks a piece by its quantile and starts from the corpus-mean
    /// controls with that piece's histogram, half moved towards the corpus's profile in its key, instead of the
    /// corpus-mean histogram (<see cref="CorpusKeys.DrawHome"/>); null for the mean.
    /// </param>
    public EventRnnGenerator(ITokenStepModel model, PerformanceEncoding encoding, int conditioningCount, float[]? conditioningMean = null,
        double? longNoteSeconds = null, CorpusKeys? keys = null)
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
        _home = (float[])_mean.Clone();
        _keys = _mean.Length == ConditioningFeatures.Length ? keys : null;
        HomeKey = -1;
        _mean.CopyTo(_tokens.Conditioning);
        _minNoteSteps = Math.Max(1, (long)Math.Round(MinNoteSeconds / encoding.Options.StepSeconds));
        if (longNoteSeconds is { } longNote && longNote > 0 && double.IsFinite(longNote))
            _longNoteSteps = Math.Max(1, (long)Math.Round(longNote / encoding.Options.StepSeconds));
        _logitBias = new float[encoding.VocabularySize];
        _tokens.SetLogitBias(_logitBias);
    }

    /// <summary>The controls the seed starts from (empty for an unconditional model): see <see cref="HomeKey"/>.</summary>
    public ReadOnlySpan<float> HomeControls => _home;

    /// <summary>The tonic (0 = C … 11 = B) of the key <see cref="HomeControls"/> is in; −1 for the corpus mean.</summary>
    public int HomeKey { get; private set; }

    /// <summary>Starts from the corpus's profile in <paramref name="tonic"/> (a primer's key); no effect without corpus keys.</summary>
    public void SetHomeKey(int tonic)
    {
        if (_keys is null) return;
        HomeKey = ((tonic % 12) + 12) % 12;
        _keys.ProfileIn(HomeKey, _home);
    }

    /// <summary>Seconds past which a held note grows likelier to end (0: no such length; only the 5 s cut).</summary>
    public double LongNoteSeconds => _longNoteSteps * _encoding.Options.StepSeconds;

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
        _key.Reset();
        if (_keys is not null)
        {
            HomeKey = _keys.DrawHome(SeedQuantile.Of(seed), _home);
        }
    }

    private void ResetPhrases(ulong seed)
    {
        _phrases.Reset();
        _repeats.Reseed(seed ^ 0x5048524153455331UL);
        _nextBoundary = _phraseSteps;
        _pendingShift = 0;
        _replayed = -1;
        _closing = false;
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
        _density = notesPerSecond is { } target ? new DensityController(target) : null;
        _density?.Reset(_decoder.Seconds);
        _appliedBias = 0;
        BiasNoteOns();
    }

    public void SetSampling(SamplingOptions options) => _tokens.Options = options;

    /// <summary>A manifest conditioning input is one tensor filled with its value, so the value fills the whole vector.</summary>
    public void SetConditioning(int index, float value)
    {
        if ((uint)index < (uint)_conditioningCount) _tokens.Conditioning.Fill(value);
    }

    /// <summary>
    /// The 14 features the conditional model was trained on (<see cref="ConditioningFeatures"/>): the key's scale as
    /// equal pitch-class weights (Chromatic keeps the seed's <see cref="HomeControls"/>: a training piece's histogram
    /// drawn for the seed, or the corpus's mean histogram), the corpus's density times the fraction, and the seed's mean
    /// pitch moved by the steering's semitones (the player's octave shift, Register, moves the notes themselves).
    /// </summary>
    public bool Steer(in MusicalSteering steering)
    {
        var values = _tokens.Conditioning;
        if (values.Length != ConditioningFeatures.Length || _mean.Length != values.Length) return false;
        steering.Apply(_home, _mean[12], values);
        return true;
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        if ((_density is { } density && density.NoteOnBias != _appliedBias) || _key.Root != _appliedRoot)
        {
            _appliedBias = _density?.NoteOnBias ?? 0;
            BiasNoteOns();
        }
        BiasNoteOffs();
        int token;
        if (_closing && FirstHeldPitch() is var held && held >= 0)
            Feed(token = _encoding.EventToToken(PerformanceEvent.NoteOff(held)));
        else if (_replayed >= 0 && _replayed < _phrases.Previous.Length) Feed(token = _phrases.Previous[_replayed++]);
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
            if (!e.IsNoteOn) continue;
            _density?.Onset(e.Seconds);
            _key.Onset(e.Pitch, e.Seconds);
        }
        if (_decoder.Step == _nextBoundary) NextPhrase();
        _density?.Update(_decoder.Seconds);
        return count;
    }

    // Note-on tokens come first in the performance vocabulary, one per pitch: the density's bias, less the penalty out of key.
    private void BiasNoteOns()
    {
        _appliedRoot = _key.Root;
        var noteOns = _logitBias.AsSpan(0, _encoding.NoteOffOffset);
        for (var i = 0; i < noteOns.Length; i++)
            noteOns[i] = _appliedBias - (_key.InKey(_encoding.Options.MinPitch + i) ? 0f : OutOfKeyPenalty);
    }

    // A sounding note's NOTE_OFF: blocked in its first MinNoteSeconds; past the long-note length, EndHazard log-odds more
    // for each long-note length beyond it.
    private void BiasNoteOffs()
    {
        var offsets = _logitBias.AsSpan(_encoding.NoteOffOffset, _encoding.PitchCount);
        for (var i = 0; i < offsets.Length; i++)
        {
            var pitch = _encoding.Options.MinPitch + i;
            if (!_decoder.IsSounding(pitch))
            {
                offsets[i] = 0f;
                continue;
            }
            var held = _decoder.HeldSteps(pitch);
            var beyond = _longNoteSteps > 0 ? held - _longNoteSteps : 0;
            offsets[i] = held < _minNoteSteps ? -Blocked : beyond > 0 ? EndHazard * beyond / _longNoteSteps : 0f;
        }
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
            // A note held into the repeat would have no NOTE_OFF in it (and a forgotten one would sound to the 5 s cut).
            _closing = true;
        }
    }

    private int FirstHeldPitch()
    {
        for (var pitch = _encoding.Options.MinPitch; pitch <= _encoding.Options.MaxPitch; pitch++)
            if (_decoder.IsSounding(pitch)) return pitch;
        _closing = false;
        return -1;
    }

    // After tokens that were not split at boundaries (a primer, live notes): the phrase they fell in is not repeated.
    private void AfterPrimer()
    {
        _phrases.Spoil();
        while (_nextBoundary <= _decoder.Step) _nextBoundary += _phraseSteps;
        _replayed = -1;
        _pendingShift = 0;
        _closing = false;
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
        if (isNoteOn) _key.Onset(pitch, _decoder.Seconds); // what the player plays sets the key too
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
                if (_decoded[i].IsNoteOn) _key.Onset(_decoded[i].Pitch, _decoded[i].Seconds);
                heard.Add(new ModelNoteEvent(_decoded[i].IsNoteOn, _decoded[i].Pitch, _decoded[i].Velocity, _decoded[i].Seconds));
            }
        }
        AfterPrimer();
        _density?.Reset(_decoder.Seconds); // the density held is the continuation's, not the primer's
    }

    public void Dispose() => _model.Dispose();
}
