using System.Text;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.CharRnn;

/// <summary>
/// The Char-RNN's generator, for `generate`, `render` and the instrument alike: ABC characters sampled one at a time
/// by a <see cref="TokenGenerator"/> and played by an <see cref="AbcCharacterDecoder"/> as soon as each note's length is
/// known. The sampler is held to what the dialect allows next (<see cref="AbcCharacterDecoder.Allowed"/>), so the text
/// is always ABC that abc2midi reads. A tune edge the model writes starts a new tune on the same clock. When
/// <see cref="MaxIdleCharacters"/> characters in a row move no time (bar lines, spaces, tune edges), a sixteenth rest
/// is written for the model, so a player's clock never waits on it. As the event RNN's generator does, it follows the
/// key the output is in (<see cref="KeyTracker"/>) and takes <see cref="OutOfKeyPenalty"/> log-odds from a note letter
/// that would sound outside it, and at every <see cref="PhraseBars"/>-bar boundary plays the previous phrase's text
/// again with <see cref="RepeatChance"/> (fed to the model as if it had written it). Times are beats; steps allocate
/// nothing.
/// </summary>
public sealed class CharRnnGenerator : INoteGenerator
{
    /// <summary>Characters in a row that play nothing before the generator writes a rest itself.</summary>
    public const int MaxIdleCharacters = 64;

    /// <summary>Bars a phrase: four, as the event RNN's and the n-gram's phrases (8 s at 120 bpm).</summary>
    public const int PhraseBars = 4;

    /// <summary>
    /// How often a phrase repeats the one before. The training melodies of the shipped preset repeat 0.169 of their
    /// 4-bar windows; with the preset, 0.3 gave 0.163 over 10 seeds × 60 s (0.237 over seeds 1–5, where 0.35 gave 0.289
    /// and 0.2 gave 0.030: a minute has only 7 boundaries to draw at).
    /// </summary>
    public const double RepeatChance = 0.3;

    /// <summary>Log-odds taken from a note letter outside the key the output is in: the event RNN's figure.</summary>
    public const float OutOfKeyPenalty = 0.75f;

    /// <summary>The longest phrase kept for a repeat, in characters (the training melodies take 3.6 characters a note).</summary>
    public const int MaxPhraseCharacters = 512;

    private const string Letters = "ABCDEFGabcdefg";

    // A sixteenth rest, after a bar line when the bar is full.
    private static readonly int[] Rest = [AbcCharacterEncoding.TokenOf(' '), AbcCharacterEncoding.TokenOf('z'), AbcCharacterEncoding.TokenOf(' ')];
    private static readonly int[] RestAfterBar = [AbcCharacterEncoding.TokenOf('|'), AbcCharacterEncoding.TokenOf('z'), AbcCharacterEncoding.TokenOf(' ')];

    private readonly ITokenStepModel _model;
    private readonly TokenGenerator _tokens;
    private readonly AbcCharacterDecoder _decoder = new();
    private readonly bool[] _allowed;
    private readonly int _conditioningCount;
    private readonly float[] _mean;
    private int _idle;
    private StringBuilder? _text;
    private readonly KeyTracker _key = new();
    private readonly float[] _logitBias;
    private readonly int[] _letterTokens = [.. Letters.Select(AbcCharacterEncoding.TokenOf)];
    private readonly int _barToken = AbcCharacterEncoding.TokenOf('|');
    private readonly int[] _phrase = new int[MaxPhraseCharacters];
    private readonly int[] _current = new int[MaxPhraseCharacters];
    private readonly int[] _one = new int[1];
    private readonly RandomSource _repeats = new(0);
    private int _phraseLength, _currentLength, _barsInPhrase, _replayAt = -1;
    private bool _currentTooLong;

    /// <param name="conditioningCount">Conditioning inputs the manifest names (0 or 1: one vector).</param>
    /// <param name="conditioningMean">
    /// The training corpus's mean conditioning vector (the model's metadata), where the vector starts and what
    /// <see cref="Steer"/> departs from; empty or all zeros for none.
    /// </param>
    public CharRnnGenerator(ITokenStepModel model, int conditioningCount, float[]? conditioningMean = null)
    {
        if (model.VocabularySize != AbcCharacterEncoding.VocabularySize)
            throw new EuterpeException($"model: vocabulary of {model.VocabularySize} tokens does not match the ABC character dialect's {AbcCharacterEncoding.VocabularySize}");
        _model = model;
        _tokens = new TokenGenerator(model, AbcCharacterEncoding.TuneEdge, 0);
        _allowed = new bool[model.VocabularySize];
        _tokens.SetMask(_allowed);
        _conditioningCount = conditioningCount;
        _mean = conditioningMean is { } mean && mean.Length == _tokens.Conditioning.Length && mean.AsSpan().ContainsAnyExcept(0f)
            ? (float[])mean.Clone() : [];
        _mean.CopyTo(_tokens.Conditioning);
        _logitBias = new float[model.VocabularySize];
        _tokens.SetLogitBias(_logitBias);
        Reset(0);
    }

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    public int MaxEventsPerStep => AbcCharacterDecoder.MaxEventsPerCharacter * Rest.Length;

    /// <summary>Sixteenths: the length unit of the dialect.</summary>
    public double GridBeats => 1.0 / AbcCharacterEncoding.StepsPerBeat;

    public double Time => _decoder.Time;

    public int ConditioningCount => _conditioningCount;

    /// <summary>The model's conditioning vector (empty for an unconditional model); write into it between steps.</summary>
    public Span<float> Conditioning => _tokens.Conditioning;

    /// <summary>The corpus-mean conditioning the vector starts from (empty when the model has none).</summary>
    public ReadOnlySpan<float> MeanControls => _mean;

    /// <summary>
    /// Keeps every character read from here on (the primer's and the model's) in <paramref name="text"/>, tune edges
    /// left out (the tunes run on as one body); null stops. For `generate --out X.abc`: it allocates.
    /// </summary>
    public void RecordText(StringBuilder? text) => _text = text;

    public void Reset(ulong seed)
    {
        _tokens.Reset(seed);
        _decoder.Reset();
        _idle = 0;
        _key.Reset();
        _repeats.Reseed(seed ^ 0x5048524153455331UL);
        StartPhrases();
    }

    private void StartPhrases()
    {
        _phraseLength = _currentLength = _barsInPhrase = 0;
        _replayAt = -1;
        _currentTooLong = false;
    }

    public void SetSampling(SamplingOptions options) => _tokens.Options = options;

    /// <summary>A manifest conditioning input is one tensor filled with its value, so the value fills the whole vector.</summary>
    public void SetConditioning(int index, float value)
    {
        if ((uint)index < (uint)_conditioningCount) _tokens.Conditioning.Fill(value);
    }

    /// <summary>
    /// The 14 features a conditional model was trained on (<see cref="ConditioningFeatures"/> of each tune's melody at
    /// <see cref="AbcCharacterEncoding.Bpm"/>): the key's scale as equal pitch-class weights (Chromatic keeps the corpus
    /// mean's), the corpus's density times the fraction, and the corpus's mean pitch moved by the steering's semitones.
    /// </summary>
    public bool Steer(in MusicalSteering steering)
    {
        var values = _tokens.Conditioning;
        if (values.Length != ConditioningFeatures.Length || _mean.Length != values.Length) return false;
        steering.Apply(_mean, _mean[12], values);
        return true;
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        var before = _decoder.Time;
        int count;
        if (_replayAt >= 0)
        {
            var token = _phrase[_replayAt++];
            if (_replayAt >= _phraseLength) _replayAt = -1; // before reading: its last bar line may start the next repeat
            _one[0] = token;
            _tokens.Prime(_one);
            count = Read(token, output);
        }
        else if (_idle >= MaxIdleCharacters && _decoder.BetweenElements)
        {
            // The model has written only bar lines and spaces for a while: a rest, fed to it as if it had written it.
            var rest = _decoder.BarSixteenthsLeft > 0 ? Rest : RestAfterBar;
            _tokens.Prime(rest);
            count = 0;
            foreach (var token in rest) count += Read(token, output[count..]);
        }
        else
        {
            _decoder.Allowed(_allowed);
            BiasLetters();
            count = Read(_tokens.Next(), output);
        }
        _idle = _decoder.Time > before ? 0 : _idle + 1;
        return count;
    }

    // Letters that would sound outside the key the output is in lose OutOfKeyPenalty (none before a key is heard).
    private void BiasLetters()
    {
        for (var i = 0; i < _letterTokens.Length; i++)
            _logitBias[_letterTokens[i]] = _key.Root >= 0 && !MusicalScale.Contains(MusicalScale.Major, _key.Root, _decoder.PitchClassOf(Letters[i])) ? -OutOfKeyPenalty : 0f;
    }

    private int Read(int token, Span<ModelNoteEvent> output)
    {
        if (_text is not null && token != AbcCharacterEncoding.TuneEdge) _text.Append(AbcCharacterEncoding.CharacterOf(token));
        var count = _decoder.Feed(token, output);
        for (var i = 0; i < count; i++)
            if (output[i].IsNoteOn) _key.Onset(output[i].Pitch, output[i].Time * 60 / AbcCharacterEncoding.Bpm);
        Remember(token);
        return count;
    }

    // Keeps the phrase being written; at its last bar line it becomes the one a repeat plays (a tune edge forgets both).
    private void Remember(int token)
    {
        if (token == AbcCharacterEncoding.TuneEdge)
        {
            StartPhrases();
            return;
        }
        if (_currentLength < _current.Length) _current[_currentLength++] = token;
        else _currentTooLong = true;
        if (token != _barToken || ++_barsInPhrase < PhraseBars) return;
        _phraseLength = _currentTooLong ? 0 : _currentLength;
        _current.AsSpan(0, _phraseLength).CopyTo(_phrase);
        _currentLength = _barsInPhrase = 0;
        _currentTooLong = false;
        if (_replayAt < 0 && _phraseLength > 0 && _repeats.NextDouble() < RepeatChance) _replayAt = 0;
    }

    /// <summary>Notes played live are not heard: their lengths, which the text must give first, are not known when they start.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    /// <summary>
    /// Starts from a piece of music: its melody in the dialect (<see cref="AbcCharacterEncoding.Body"/>, without the
    /// closing bar line) becomes the model's context and moves the clock on, and the notes it plays are added to
    /// <paramref name="heard"/>.
    /// </summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
        var body = AbcCharacterEncoding.Body(primer);
        if (body.EndsWith("|]\n", StringComparison.Ordinal)) body = body[..^3];
        var decoded = new ModelNoteEvent[AbcCharacterDecoder.MaxEventsPerCharacter];
        var tokens = new List<int>(body.Length + 2);
        foreach (var c in body.Append(' '))
        {
            var token = AbcCharacterEncoding.TokenOf(c);
            tokens.Add(token);
            var n = Read(token, decoded);
            for (var i = 0; i < n; i++) heard.Add(decoded[i]);
        }
        // A primer that ends on a bar's end closes it, so the model goes on at the next bar's start.
        if (Math.Abs(_decoder.Time * AbcCharacterEncoding.StepsPerBeat % AbcCharacterEncoding.StepsPerBar) < 1e-9 && _decoder.Time > 0)
        {
            tokens.Add(AbcCharacterEncoding.TokenOf('|'));
            Read(tokens[^1], decoded);
        }
        _tokens.Prime(tokens.ToArray());
        _idle = 0;
    }

    public void Dispose() => _model.Dispose();
}
