using System.Text;
using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;
using Euterpe.Core.Music;

namespace Euterpe.Core.Families.AbcWgan;

/// <summary>
/// The ABC WGAN's generator, for `generate`, `render` and the instrument alike. It writes segments of
/// <see cref="SegmentLength"/> characters as the model was trained: each from fresh noise z (Gaussian, drawn from the
/// seed) as the GRU state and the start symbol as first input, then the model's own distribution as each next input.
/// The character for the text is sampled from that distribution with the temperature, held to what
/// <see cref="AbcCharacterDecoder.Allowed"/> lets follow (tune edges left out: the segments make one body), so the
/// text is always ABC abc2midi reads without an error (ties are left out: a sampled text cannot keep their promise);
/// the decoder plays it. Segments join into one running text: at a segment's end a pending element is closed and the
/// bar filled with a rest up to its bar line, so the next segment starts a bar as its training windows did.
/// When <see cref="MaxIdleCharacters"/> characters in a row move no time, a sixteenth rest is written, so a player's
/// clock never waits. Times are beats; steps allocate nothing.
/// </summary>
public sealed class AbcWganNoteGenerator : INoteGenerator
{
    /// <summary>Characters per segment: the length the model was trained to write.</summary>
    public const int SegmentLength = 64;

    /// <summary>Characters in a row that play nothing before the generator writes a rest itself.</summary>
    public const int MaxIdleCharacters = 64;

    private static readonly int Space = AbcCharacterEncoding.TokenOf(' '), Bar = AbcCharacterEncoding.TokenOf('|'), RestLetter = AbcCharacterEncoding.TokenOf('z'),
        Tie = AbcCharacterEncoding.TokenOf('-');

    private readonly OnnxFrameStepModel _model;
    private readonly AbcCharacterDecoder _decoder = new();
    private readonly RandomSource _random = new(0);
    private readonly bool[] _allowed;
    private readonly float[] _input, _next;
    private readonly double[] _weights;
    private float _temperature = 1;
    private int _position, _idle, _lastToken;
    private StringBuilder? _text;

    /// <param name="model">One generator step: distribution [1, 1, V] in, the next [1, V] out, one float state pair (the GRU's).</param>
    public AbcWganNoteGenerator(OnnxFrameStepModel model)
    {
        if (model.FrameSize != AbcCharacterEncoding.VocabularySize)
            throw new EuterpeException($"model: distributions of {model.FrameSize} values do not match the ABC character dialect's {AbcCharacterEncoding.VocabularySize} tokens");
        if (model.Signature.State is not { Count: 1 }) throw new EuterpeException("model: an abc-wgan generator carries one state pair (its GRU's)");
        _model = model;
        _allowed = new bool[model.FrameSize];
        _input = new float[model.FrameSize];
        _next = new float[model.FrameSize];
        _weights = new double[model.FrameSize];
        Reset(0);
    }

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Beats;

    /// <summary>
    /// A step may close a segment (two characters, a rest of up to four and a bar line) and write a sixteenth rest (up to
    /// four characters).
    /// </summary>
    public int MaxEventsPerStep => AbcCharacterDecoder.MaxEventsPerCharacter * 12;

    /// <summary>Sixteenths: the length unit of the dialect.</summary>
    public double GridBeats => 1.0 / AbcCharacterEncoding.StepsPerBeat;

    public double Time => _decoder.Time;

    public int ConditioningCount => 0;

    /// <summary>Keeps every character written from here on in <paramref name="text"/>; null stops. For `generate --out X.abc`: it allocates.</summary>
    public void RecordText(StringBuilder? text) => _text = text;

    public void Reset(ulong seed)
    {
        _random.Reseed(seed);
        _decoder.Reset();
        (_idle, _lastToken) = (0, Bar);
        StartSegment();
    }

    public void SetSampling(SamplingOptions options) => _temperature = options.Temperature;

    public void SetConditioning(int index, float value)
    {
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        var count = 0;
        if (_position == SegmentLength)
        {
            count += CloseSegment(output);
            StartSegment();
        }
        var before = _decoder.Time;
        _model.Step(_input, _next);
        _position++;
        if (_idle >= MaxIdleCharacters && _decoder.BetweenElements)
        {
            // The text has only bar lines and spaces for a while: a sixteenth rest (after the bar line a full bar waits
            // for), while the model goes on reading its own distribution.
            if (_decoder.BarSixteenthsLeft <= 0) count += Read(Bar, output[count..]);
            count += Read(Space, output[count..]);
            count += Read(RestLetter, output[count..]);
            count += Read(Space, output[count..]);
        }
        else
        {
            count += Read(Sample(), output[count..]);
        }
        _next.CopyTo(_input);
        _idle = _decoder.Time > before ? 0 : _idle + 1;
        return count;
    }

    /// <summary>Notes played live are not heard: the model starts every segment from noise.</summary>
    public void Prime(bool isNoteOn, int pitch, int velocity)
    {
    }

    /// <summary>A primer is not heard either (a segment starts from noise, not from text): the clock stays where it is.</summary>
    public void Prime(NoteSequence primer, List<ModelNoteEvent> heard)
    {
    }

    public void Dispose() => _model.Dispose();

    private void StartSegment()
    {
        _model.ResetState();
        _random.FillGaussian(_model.State(0));
        Array.Clear(_input);
        _input[AbcCharacterEncoding.TuneEdge] = 1; // the start symbol
        _position = 0;
    }

    // Completes what the text leaves open (an accidental needs its note: sampled from the last distribution; a note
    // or rest its end: a space), fills the bar with a rest and writes its bar line, so the next segment starts a bar.
    private int CloseSegment(Span<ModelNoteEvent> output)
    {
        var count = 0;
        while (!_decoder.BetweenElements)
        {
            _decoder.Allowed(_allowed);
            count += Read(_allowed[Space] ? Space : Sample(), output[count..]);
        }
        var left = _decoder.BarSixteenthsLeft;
        if (left is > 0 and < AbcCharacterEncoding.StepsPerBar)
        {
            if (_lastToken != Space) count += Read(Space, output[count..]);
            count += Read(RestLetter, output[count..]);
            if (left >= 10) count += Read(Digit(left / 10), output[count..]);
            if (left > 1) count += Read(Digit(left % 10), output[count..]);
            left = 0;
        }
        if (left <= 0) count += Read(Bar, output[count..]);
        return count;
    }

    private static int Digit(int d) => AbcCharacterEncoding.TokenOf((char)('0' + d));

    // A character from _next under the decoder's mask, with the temperature (0: the likeliest); never a tune edge, and
    // never a tie: the text cannot promise that the next note is the tied one's, and abc2midi calls a tie to another
    // pitch (or to nothing) an error.
    private int Sample()
    {
        _decoder.Allowed(_allowed);
        _allowed[AbcCharacterEncoding.TuneEdge] = false;
        _allowed[Tie] = false;
        return DistributionSampler.Draw(_next, _temperature, _random, _weights, _allowed);
    }

    private int Read(int token, Span<ModelNoteEvent> output)
    {
        _text?.Append(AbcCharacterEncoding.CharacterOf(token));
        _lastToken = token;
        return _decoder.Feed(token, output);
    }
}
