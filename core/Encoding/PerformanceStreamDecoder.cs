namespace Euterpe.Core.Encoding;

/// <summary>
/// Turns performance tokens into note-on/note-off events one token at a time, for real-time playback.
/// It keeps a fixed 128-entry state and allocates nothing per token. Same rules as
/// <see cref="PerformanceEncoding.Decode"/>: NOTE_ON of a sounding pitch first ends it (two events),
/// NOTE_OFF of a silent pitch produces nothing. With a longest note, a time shift also ends the notes that have
/// sounded that long, each at the moment it reached the limit.
/// </summary>
public sealed class PerformanceStreamDecoder
{
    /// <summary>The most events one token can produce: a time shift can end every pitch.</summary>
    public const int MaxEventsPerToken = 128;

    /// <summary>
    /// The longest note generation lets sound. An event model can leave a note on for good (it never samples the
    /// NOTE_OFF); Performance RNN's generator ends such notes after 5 s, and so do we.
    /// </summary>
    public const double GenerationMaxNoteSeconds = 5.0;

    private readonly PerformanceEncoding _encoding;
    private readonly bool[] _sounding = new bool[128];
    private readonly long[] _startStep = new long[128];
    private readonly long _maxSteps;
    private int _velocity;

    /// <param name="maxNoteSeconds">End a note after this long; null lets notes sound until their NOTE_OFF (exact decoding).</param>
    public PerformanceStreamDecoder(PerformanceEncoding encoding, double? maxNoteSeconds = null)
    {
        if (maxNoteSeconds is { } max && !(max > 0)) throw new ArgumentOutOfRangeException(nameof(maxNoteSeconds), max, "must be positive");
        _encoding = encoding;
        _maxSteps = maxNoteSeconds is { } m ? Math.Max(1, (long)Math.Round(m / encoding.Options.StepSeconds)) : 0;
        Reset();
    }

    /// <summary>Steps elapsed since the start (or the last <see cref="Reset"/>).</summary>
    public long Step { get; private set; }

    public double Seconds => Step * _encoding.Options.StepSeconds;

    /// <summary>Velocity the next NOTE_ON will get.</summary>
    public int CurrentVelocity => _velocity;

    public int SoundingCount { get; private set; }

    public bool IsSounding(int pitch) => (uint)pitch < 128 && _sounding[pitch];

    /// <summary>Steps a sounding pitch has sounded for (0 for a pitch that is not sounding).</summary>
    public long HeldSteps(int pitch) => (uint)pitch < 128 && _sounding[pitch] ? Step - _startStep[pitch] : 0;

    public void Reset()
    {
        Array.Clear(_sounding);
        SoundingCount = 0;
        Step = 0;
        _velocity = _encoding.Options.DefaultVelocity;
    }

    /// <summary>
    /// Feeds one token; writes the note events it causes into <paramref name="output"/> (which must hold
    /// <see cref="MaxEventsPerToken"/>) and returns how many. Velocity changes write none, nor do time shifts unless
    /// they end long notes.
    /// </summary>
    public int Feed(int token, Span<StreamedNoteEvent> output)
    {
        var e = _encoding.TokenToEvent(token);
        switch (e.Type)
        {
            case PerformanceEventType.TimeShift:
                Step += e.Value;
                return _maxSteps > 0 && SoundingCount > 0 ? EndLongNotes(output) : 0;
            case PerformanceEventType.Velocity:
                _velocity = _encoding.BinToVelocity(e.Value);
                return 0;
            case PerformanceEventType.NoteOff:
                if (!_sounding[e.Value]) return 0;
                _sounding[e.Value] = false;
                SoundingCount--;
                output[0] = new StreamedNoteEvent(false, e.Value, 0, Seconds);
                return 1;
            default:
                var count = 0;
                if (_sounding[e.Value]) output[count++] = new StreamedNoteEvent(false, e.Value, 0, Seconds);
                else SoundingCount++;
                _sounding[e.Value] = true;
                _startStep[e.Value] = Step;
                output[count++] = new StreamedNoteEvent(true, e.Value, _velocity, Seconds);
                return count;
        }
    }

    // Ends the notes that reached the longest length by now, at the step each reached it, in time order (then pitch).
    private int EndLongNotes(Span<StreamedNoteEvent> output)
    {
        var count = 0;
        for (var pitch = 0; pitch < 128; pitch++)
        {
            if (!_sounding[pitch] || _startStep[pitch] + _maxSteps > Step) continue;
            _sounding[pitch] = false;
            SoundingCount--;
            var e = new StreamedNoteEvent(false, pitch, 0, (_startStep[pitch] + _maxSteps) * _encoding.Options.StepSeconds);
            var at = count++;
            for (; at > 0 && output[at - 1].Seconds > e.Seconds; at--) output[at] = output[at - 1];
            output[at] = e;
        }
        return count;
    }

    /// <summary>Ends every sounding note now (output must hold <see cref="SoundingCount"/> events); returns how many.</summary>
    public int Flush(Span<StreamedNoteEvent> output)
    {
        var count = 0;
        for (var pitch = 0; pitch < 128; pitch++)
        {
            if (!_sounding[pitch]) continue;
            _sounding[pitch] = false;
            output[count++] = new StreamedNoteEvent(false, pitch, 0, Seconds);
        }
        SoundingCount = 0;
        return count;
    }
}
