namespace Euterpe.Core.Families.Refine;

/// <summary>
/// The refine nets on a stream of generated notes (the instrument's Humanize switch): note-ons and note-offs go in
/// in time order, in beats; each note comes back once its length and the next onset are known, with the length the
/// duration net gives it and then the velocity the velocity net gives it (either net may be absent). Onsets are kept
/// where the model put them — the instrument stays on the host's beat — so the duration net shapes lengths only, and
/// a note may grow up to the next onset of the part but never past both that and its own length.
/// <para>Differences from `euterpe refine`, which sees whole parts: the part's mean pitch is a running mean, and a note
/// whose successor has not come within <see cref="MaxWaitBeats"/> is refined with the time reached as its gap.</para>
/// Events come out in time order (note-offs before note-ons on the same beat) once no later input can precede them:
/// <see cref="SafeBeat"/>. Allocation-free after construction; one thread.
/// </summary>
public sealed class NoteHumanizer
{
    /// <summary>How long a note waits for the next onset before it is refined without it.</summary>
    public const double MaxWaitBeats = 4;

    /// <summary>The shortest length a refined note gets: a 128th note.</summary>
    public const double MinLengthBeats = 1.0 / 32;

    private readonly NoteRefiner? _duration;
    private readonly NoteRefiner? _velocity;
    private readonly int _capacity;
    private readonly double[] _onset;
    private readonly double[] _end;
    private readonly int[] _pitch;
    private readonly int[] _noteVelocity;
    private readonly HumanizedEvent[] _heap;
    private readonly long[] _heapOrder;
    private readonly int[] _forcedOpen = new int[128];
    private readonly float[] _features = new float[Math.Max(RefineFeatures.DurationInputs, RefineFeatures.VelocityInputs)];
    private readonly float[] _correction = new float[2];
    private int _head;
    private int _count;
    private int _heapCount;
    private long _sequence;
    private double _reached;
    private double _lastOnset = double.NaN;     // onset of the notes refined last
    private double _previousOnset = double.NaN; // the distinct onset before that
    private int _chordDone;                     // notes at _lastOnset refined so far
    private double _pitchSum;
    private long _pitchCount;

    /// <param name="capacity">Notes that may wait at once; the output holds twice as many events.</param>
    public NoteHumanizer(NoteRefiner? duration, NoteRefiner? velocity, int capacity = 512)
    {
        if (duration is { Kind: not RefineNetKind.Duration }) throw new ArgumentException("not a duration net", nameof(duration));
        if (velocity is { Kind: not RefineNetKind.Velocity }) throw new ArgumentException("not a velocity net", nameof(velocity));
        _duration = duration;
        _velocity = velocity;
        _capacity = capacity;
        _onset = new double[capacity];
        _end = new double[capacity];
        _pitch = new int[capacity];
        _noteVelocity = new int[capacity];
        _heap = new HumanizedEvent[2 * capacity + 2];
        _heapOrder = new long[_heap.Length];
        Reset();
    }

    /// <summary>No event before this beat will come out later: the earliest onset still waiting, else the time reached.</summary>
    public double SafeBeat => _count > 0 ? _onset[_head] : _reached;

    /// <summary>Whether another note fits (the caller stops feeding when it does not).</summary>
    public bool HasRoom => _count < _capacity && _heapCount + 2 <= _heap.Length - 2;

    /// <summary>Starts over (a restart of the music): nothing waiting, the nets' state cleared.</summary>
    public void Reset()
    {
        (_head, _count, _heapCount, _sequence, _reached) = (0, 0, 0, 0, double.NegativeInfinity);
        (_lastOnset, _previousOnset, _chordDone, _pitchSum, _pitchCount) = (double.NaN, double.NaN, 0, 0, 0);
        Array.Clear(_forcedOpen);
        _duration?.ResetState();
        _velocity?.ResetState();
    }

    /// <summary>A generated event at <paramref name="beat"/> (not before any event added earlier).</summary>
    public void Add(double beat, int pitch, int velocity, bool isNoteOn)
    {
        if ((uint)pitch >= 128) return;
        if (!isNoteOn)
        {
            if (_forcedOpen[pitch] > 0)
            {
                _forcedOpen[pitch]--; // its note already went out with an end of its own
                return;
            }
            for (var k = _count - 1; k >= 0; k--)
            {
                var i = Slot(k);
                if (_pitch[i] == pitch && double.IsNaN(_end[i]))
                {
                    _end[i] = beat;
                    break;
                }
            }
            return;
        }
        if (_count == _capacity) Refine(); // full: the oldest goes out as it stands
        // Notes of a chord wait in pitch order, as the nets were trained (a part sorted by onset, then pitch).
        var at = _count;
        while (at > 0 && _onset[Slot(at - 1)] == beat && _pitch[Slot(at - 1)] > pitch) at--;
        for (var k = _count; k > at; k--) Copy(Slot(k - 1), Slot(k));
        var slot = Slot(at);
        (_onset[slot], _end[slot], _pitch[slot], _noteVelocity[slot]) = (beat, double.NaN, pitch, velocity);
        _count++;
        _pitchSum += pitch;
        _pitchCount++;
        _reached = Math.Max(_reached, beat);
    }

    /// <summary>The generator has reached <paramref name="beat"/>: refines every note that is now ready.</summary>
    public void Advance(double beat)
    {
        _reached = Math.Max(_reached, beat);
        while (_count > 0 && Ready()) Refine();
    }

    /// <summary>The next event in time order, if it is due (at or before <see cref="SafeBeat"/>).</summary>
    public bool TryTake(out HumanizedEvent e)
    {
        if (_heapCount == 0 || _heap[0].Beat > SafeBeat)
        {
            e = default;
            return false;
        }
        e = _heap[0];
        _heapCount--;
        if (_heapCount > 0)
        {
            _heap[0] = _heap[_heapCount];
            _heapOrder[0] = _heapOrder[_heapCount];
            SiftDown(0);
        }
        return true;
    }

    private int Slot(int k) => (_head + k) % _capacity;

    private void Copy(int from, int to) => (_onset[to], _end[to], _pitch[to], _noteVelocity[to]) = (_onset[from], _end[from], _pitch[from], _noteVelocity[from]);

    // The head is ready when it has ended and a later onset is known (or it has waited long enough).
    private bool Ready()
    {
        var head = _head;
        if (double.IsNaN(_end[head])) return _reached - _onset[head] >= 4 * MaxWaitBeats; // a note held this long goes out as it stands
        for (var k = 1; k < _count; k++)
            if (_onset[Slot(k)] > _onset[head]) return true;
        return _reached - _onset[head] >= MaxWaitBeats;
    }

    private void Refine()
    {
        var head = _head;
        var onset = _onset[head];
        var pitch = _pitch[head];
        var open = double.IsNaN(_end[head]);
        var length = open ? Math.Max(MinLengthBeats, _reached - onset) : Math.Max(0, _end[head] - onset);
        // The next note (0 for a chord member below the top), the next distinct onset, and this chord's size.
        double gap = double.NaN, next = double.NaN;
        var chord = _lastOnset == onset ? _chordDone : 0;
        var isTop = true;
        for (var k = 1; k < _count; k++)
        {
            var o = _onset[Slot(k)];
            if (k == 1) gap = o - onset;
            if (o == onset)
            {
                isTop = false;
                chord++;
                continue;
            }
            next = o - onset;
            break;
        }
        chord++; // itself
        if (double.IsNaN(next)) next = Math.Max(length, _reached - onset);
        if (double.IsNaN(gap)) gap = next;
        if (_lastOnset != onset)
        {
            if (!double.IsNaN(_lastOnset)) _previousOnset = _lastOnset;
            _lastOnset = onset;
            _chordDone = 0;
        }
        var previous = double.IsNaN(_previousOnset) ? 0 : onset - _previousOnset;

        var refined = length;
        if (_duration is not null)
        {
            RefineFeatures.Duration(pitch, length, gap, _features);
            _duration.Step(_features.AsSpan(0, RefineFeatures.DurationInputs), _correction.AsSpan(0, RefineFeatures.DurationOutputs));
            // Grow up to the next onset at most, or keep the length the model gave if that was already longer.
            refined = Math.Clamp(RefineFeatures.Beats(_correction[0]), MinLengthBeats, Math.Max(Math.Max(length, next), MinLengthBeats));
        }
        var velocity = _noteVelocity[head];
        if (_velocity is not null)
        {
            var mean = (float)(_pitchSum / Math.Max(1, _pitchCount));
            RefineFeatures.Velocity(pitch, onset, refined, next, previous, chord, isTop, mean, _features);
            _velocity.Step(_features.AsSpan(0, RefineFeatures.VelocityInputs), _correction.AsSpan(0, RefineFeatures.VelocityOutputs));
            velocity = RefineFeatures.VelocityOf(_correction[0]);
        }
        _chordDone++;
        if (open) _forcedOpen[pitch]++;
        Push(new HumanizedEvent(onset, pitch, velocity, true));
        Push(new HumanizedEvent(onset + refined, pitch, 0, false));
        _head = (_head + 1) % _capacity;
        _count--;
    }

    // A binary min-heap by beat, note-offs before note-ons on one beat, then in the order pushed.
    private static bool Before(in HumanizedEvent a, long orderA, in HumanizedEvent b, long orderB) =>
        a.Beat != b.Beat ? a.Beat < b.Beat : a.IsNoteOn != b.IsNoteOn ? !a.IsNoteOn : orderA < orderB;

    private void Push(HumanizedEvent e)
    {
        var i = _heapCount++;
        _heap[i] = e;
        _heapOrder[i] = _sequence++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(_heap[i], _heapOrder[i], _heap[parent], _heapOrder[parent])) break;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var (left, right, best) = (2 * i + 1, 2 * i + 2, i);
            if (left < _heapCount && Before(_heap[left], _heapOrder[left], _heap[best], _heapOrder[best])) best = left;
            if (right < _heapCount && Before(_heap[right], _heapOrder[right], _heap[best], _heapOrder[best])) best = right;
            if (best == i) return;
            Swap(i, best);
            i = best;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        (_heapOrder[a], _heapOrder[b]) = (_heapOrder[b], _heapOrder[a]);
    }
}
