namespace Euterpe.Plugin.Generation;

/// <summary>
/// The audio thread's side of generation. Every block it reads the host's transport (<see cref="BlockTransport"/>:
/// tempo, project time in quarters, playing, metre), publishes it for the worker, detects start, stop, jump and
/// loop, and turns the worker's beat-stamped notes that fall inside the block into sample-accurate
/// <see cref="PlaybackNote"/>s, each on its note's MIDI channel. A restart releases every generated note it has sounding
/// (per channel and pitch) and drops queued notes of older epochs. Allocates, locks and waits on nothing: fixed rings and the lock-free queues in <see cref="GenerationLink"/>.
/// </summary>
public sealed class TransportPlayback
{
    private const int PendingCapacity = GenerationLink.NoteCapacity;

    private readonly GenerationLink _link;
    private readonly GeneratedNote[] _pending = new GeneratedNote[PendingCapacity];
    private const int Channels = 16;
    /// <summary>Sounding generated notes by channel × 128 + pitch.</summary>
    private readonly bool[] _sounding = new bool[Channels * 128];
    private int _pendingHead;
    private int _pendingCount;
    private bool _wasPlaying;
    private double _expectedBeat = double.NaN;
    private double _stoppedBeat = double.NaN;
    private long _expectedSample = long.MinValue;

    /// <summary>How far a host's musical time may stray from the exact count while its sample time runs on (hosts round beats to ticks).</summary>
    private const double HostBeatRounding = 0.01;
    private int _seenEpoch = -1;
    private double _blockBeat;
    private double _beatsPerSample;

    /// <param name="requestedSlot">The Model slot the processor's parameters ask for now; notes made by the worker for
    /// another slot (it has not seen the change yet) are dropped. Null: whatever the worker plays.</param>
    public TransportPlayback(GenerationLink link, Func<int>? requestedSlot = null)
    {
        _link = link;
        _requestedSlot = requestedSlot ?? (() => _link.WorkerSlot);
    }

    private readonly Func<int> _requestedSlot;

    /// <summary>Longest an offline block waits for the generator before it plays what there is.</summary>
    public static readonly TimeSpan OfflineWaitLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Offline processing (a DAW's export, our host's render): a block waits until the worker has generated past its
    /// end, so an export holds the same music as playback however fast it runs. Never set in real-time mode, where the
    /// audio thread must not wait.
    /// </summary>
    public bool WaitForGenerator { get; set; }

    /// <summary>Generated notes sounding now (test inspection).</summary>
    public int SoundingCount
    {
        get
        {
            var n = 0;
            foreach (var s in _sounding) if (s) n++;
            return n;
        }
    }

    /// <summary>
    /// Runs one block: writes the notes due in it (releases first, then notes in time order) into
    /// <paramref name="output"/> and returns how many. A transport the host did not send counts as stopped.
    /// </summary>
    public int Process(in BlockTransport transport, Span<PlaybackNote> output)
    {
        var frames = transport.Frames;
        var sampleRate = transport.SampleRate;
        var tempo = 120.0;
        var playing = false;
        var beat = _link.Playhead;
        var sample = long.MinValue;
        if (transport.IsKnown)
        {
            if (transport.Tempo > 0 && double.IsFinite(transport.Tempo)) tempo = transport.Tempo;
            playing = transport.IsPlaying;
            if (double.IsFinite(transport.ProjectBeats)) beat = transport.ProjectBeats;
            else beat = transport.ProjectSamples / sampleRate * tempo / 60;
            sample = transport.ProjectSamples;
            if (transport.TimeSignatureNumerator > 0 && transport.TimeSignatureDenominator > 0)
                _link.QuartersPerBar = transport.TimeSignatureNumerator * 4.0 / transport.TimeSignatureDenominator;
        }
        _beatsPerSample = tempo / 60 / sampleRate;
        // Two samples of slack: hosts round project time to samples.
        var tolerance = Math.Max(1e-9, 2 * _beatsPerSample);
        var count = 0;
        bool restart;
        if (playing && _wasPlaying && sample != long.MinValue && sample == _expectedSample && Math.Abs(beat - _expectedBeat) <= HostBeatRounding)
        {
            // The timeline moved on by exactly one block: no jump. Hosts round musical time (Ardour to 1/1920 of a
            // quarter), so the beat is carried on from our own count rather than re-read, keeping notes on time.
            restart = false;
            beat = _expectedBeat;
        }
        else if (playing)
            restart = _wasPlaying ? !(Math.Abs(beat - _expectedBeat) <= tolerance) : !(Math.Abs(beat - _stoppedBeat) <= tolerance);
        else
        {
            // Stopping, or moving while stopped: start over from here (the worker pre-generates for the next start).
            restart = _wasPlaying || !(Math.Abs(beat - _stoppedBeat) <= tolerance);
            _stoppedBeat = beat;
        }
        _link.Tempo = tempo;
        _link.Playhead = beat;
        _link.Playing = playing;
        if (restart)
        {
            count += ReleaseAll(output);
            _seenEpoch = _link.BumpEpoch();
        }
        // Offline, wait for the worker before looking at its epoch: loading a model starts a new one.
        if (WaitForGenerator && playing) AwaitGenerator(beat + frames * _beatsPerSample);
        var epoch = _link.Epoch;
        if (epoch != _seenEpoch)
        {
            // A restart asked for elsewhere (new seed, model, "Regenerate").
            count += ReleaseAll(output[count..]);
            _seenEpoch = epoch;
        }
        _wasPlaying = playing;
        _blockBeat = beat;
        if (!playing) return count;

        var end = beat + frames * _beatsPerSample;
        _expectedBeat = end;
        _expectedSample = sample == long.MinValue ? long.MinValue : sample + frames;
        if (_requestedSlot() != _link.WorkerSlot)
        {
            // The model was just changed and the worker has not switched yet: what it queued is for the old one.
            count += ReleaseAll(output[count..]);
            while (_link.Notes.TryDequeue(out _)) { }
            return count;
        }
        Pull(epoch);
        while (_pendingCount > 0 && count < output.Length)
        {
            ref readonly var note = ref _pending[_pendingHead];
            // Nearest sample, and the block that holds it: notes on a sample (10 ms steps, the beat grid) land on it
            // whatever the block size, where flooring a value a hair under it would move them one sample early.
            var at = Math.Round((note.Beat - beat) / _beatsPerSample);
            if (at >= frames) break;
            _pendingHead = (_pendingHead + 1) % PendingCapacity;
            _pendingCount--;
            var offset = (int)Math.Clamp(at, 0, frames - 1);
            var key = note.Channel * 128 + note.Pitch;
            if (note.IsNoteOn)
            {
                _sounding[key] = true;
                output[count++] = new PlaybackNote(offset, note.Pitch, note.Velocity / 127f, true, note.Channel);
            }
            else if (_sounding[key])
            {
                _sounding[key] = false;
                output[count++] = new PlaybackNote(offset, note.Pitch, 0f, false, note.Channel);
            }
        }
        return count;
    }

    private void AwaitGenerator(double end)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (_requestedSlot() != 0 && System.Diagnostics.Stopwatch.GetElapsedTime(started) < OfflineWaitLimit)
        {
            var state = _link.State;
            if (state == GenerationState.Error && _link.WorkerSlot == _requestedSlot()) return;
            if (state == GenerationState.Ready && _link.WorkerSlot == _requestedSlot() && _link.IsReadyFor(end)) return;
            Thread.Sleep(1);
        }
    }

    /// <summary>Hands a note-on played into the event input of this block to the worker (follow input, clips); velocity 0–1.</summary>
    public void RecordNoteOn(int sampleOffset, short pitch, float velocity) =>
        _link.Inputs.TryEnqueue(new InputNote(_blockBeat + sampleOffset * _beatsPerSample, pitch,
            (short)Math.Clamp((int)Math.Round(velocity * 127), 1, 127), true));

    /// <summary>Hands a note-off played into the event input of this block to the worker.</summary>
    public void RecordNoteOff(int sampleOffset, short pitch) =>
        _link.Inputs.TryEnqueue(new InputNote(_blockBeat + sampleOffset * _beatsPerSample, pitch, 0, false));

    /// <summary>Moves queued notes of the current epoch into the pending ring (the queue cannot be peeked).</summary>
    private void Pull(int epoch)
    {
        while (_pendingCount < PendingCapacity && _link.Notes.TryDequeue(out var note))
        {
            if (note.Epoch != epoch || (uint)note.Pitch >= 128 || (uint)note.Channel >= Channels) continue;
            _pending[(_pendingHead + _pendingCount) % PendingCapacity] = note;
            _pendingCount++;
        }
    }

    private int ReleaseAll(Span<PlaybackNote> output)
    {
        _pendingCount = 0;
        _pendingHead = 0;
        var count = 0;
        for (var key = 0; key < _sounding.Length && count < output.Length; key++)
        {
            if (!_sounding[key]) continue;
            _sounding[key] = false;
            output[count++] = new PlaybackNote(0, (short)(key % 128), 0f, false, (short)(key / 128));
        }
        return count;
    }
}
