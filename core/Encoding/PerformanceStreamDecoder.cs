namespace Euterpe.Core.Encoding;

/// <summary>
/// Turns performance tokens into note-on/note-off events one token at a time, for real-time playback.
/// It keeps a fixed 128-entry state and allocates nothing per token. Same rules as
/// <see cref="PerformanceEncoding.Decode"/>: NOTE_ON of a sounding pitch first ends it (two events),
/// NOTE_OFF of a silent pitch produces nothing.
/// </summary>
public sealed class PerformanceStreamDecoder
{
    /// <summary>The most events one token can produce (a re-attack: off then on).</summary>
    public const int MaxEventsPerToken = 2;

    private readonly PerformanceEncoding _encoding;
    private readonly bool[] _sounding = new bool[128];
    private int _velocity;

    public PerformanceStreamDecoder(PerformanceEncoding encoding)
    {
        _encoding = encoding;
        Reset();
    }

    /// <summary>Steps elapsed since the start (or the last <see cref="Reset"/>).</summary>
    public long Step { get; private set; }

    public double Seconds => Step * _encoding.Options.StepSeconds;

    /// <summary>Velocity the next NOTE_ON will get.</summary>
    public int CurrentVelocity => _velocity;

    public int SoundingCount { get; private set; }

    public bool IsSounding(int pitch) => (uint)pitch < 128 && _sounding[pitch];

    public void Reset()
    {
        Array.Clear(_sounding);
        SoundingCount = 0;
        Step = 0;
        _velocity = _encoding.Options.DefaultVelocity;
    }

    /// <summary>
    /// Feeds one token; writes the note events it causes into <paramref name="output"/> (which must hold
    /// <see cref="MaxEventsPerToken"/>) and returns how many. Time shifts and velocity changes write none.
    /// </summary>
    public int Feed(int token, Span<StreamedNoteEvent> output)
    {
        var e = _encoding.TokenToEvent(token);
        switch (e.Type)
        {
            case PerformanceEventType.TimeShift:
                Step += e.Value;
                return 0;
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
                output[count++] = new StreamedNoteEvent(true, e.Value, _velocity, Seconds);
                return count;
        }
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
