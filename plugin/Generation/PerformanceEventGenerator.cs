using Euterpe.Core.Encoding;
using Euterpe.Core.Generation;

namespace Euterpe.Plugin.Generation;

/// <summary>
/// Performance-event token models (NOTE_ON/NOTE_OFF/TIME_SHIFT/VELOCITY): a <see cref="TokenGenerator"/>
/// sampled token by token, decoded to notes by a <see cref="PerformanceStreamDecoder"/>. Times are seconds.
/// The generation starts from TIME_SHIFT of one step, a token every performance vocabulary has.
/// </summary>
public sealed class PerformanceEventGenerator : INoteGenerator
{
    private readonly ITokenStepModel _model;
    private readonly PerformanceEncoding _encoding;
    private readonly PerformanceStreamDecoder _decoder;
    private readonly TokenGenerator _tokens;
    private readonly StreamedNoteEvent[] _decoded = new StreamedNoteEvent[PerformanceStreamDecoder.MaxEventsPerToken];
    private readonly int _conditioningCount;

    public PerformanceEventGenerator(ITokenStepModel model, PerformanceEncoding encoding, int conditioningCount)
    {
        if (model.VocabularySize != encoding.VocabularySize)
            throw new Core.EuterpeException($"model: vocabulary of {model.VocabularySize} tokens does not match the performance encoding's {encoding.VocabularySize}");
        _model = model;
        _encoding = encoding;
        _decoder = new PerformanceStreamDecoder(encoding, PerformanceStreamDecoder.GenerationMaxNoteSeconds);
        _tokens = new TokenGenerator(model, StartToken(encoding), 0);
        _conditioningCount = conditioningCount;
    }

    public ModelTimeUnit TimeUnit => ModelTimeUnit.Seconds;

    public int MaxEventsPerStep => PerformanceStreamDecoder.MaxEventsPerToken;

    public double GridBeats => 0;

    public double Time => _decoder.Seconds;

    public int ConditioningCount => _conditioningCount;

    public static int StartToken(PerformanceEncoding encoding) => encoding.TimeShiftOffset;

    public void Reset(ulong seed)
    {
        _tokens.Reset(seed);
        _decoder.Reset();
    }

    public void SetSampling(SamplingOptions options) => _tokens.Options = options;

    /// <summary>A manifest conditioning input is one tensor filled with its value, so the value fills the whole vector.</summary>
    public void SetConditioning(int index, float value)
    {
        if ((uint)index < (uint)_conditioningCount) _tokens.Conditioning.Fill(value);
    }

    public int Step(Span<ModelNoteEvent> output)
    {
        var token = _tokens.Next();
        var count = _decoder.Feed(token, _decoded);
        for (var i = 0; i < count; i++)
        {
            var e = _decoded[i];
            output[i] = new ModelNoteEvent(e.IsNoteOn, e.Pitch, e.Velocity, e.Seconds);
        }
        return count;
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
    }

    public void Dispose() => _model.Dispose();
}
