using System.Diagnostics;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Tests.Hosting;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Generation;

/// <summary>One note event seen on the generated-MIDI output bus, at an absolute sample position of the render, on its MIDI channel (0–15).</summary>
internal readonly record struct OutputNote(long Sample, short Pitch, bool IsNoteOn, float Velocity, short Channel = 0);

/// <summary>
/// Plays a host transport into an <see cref="InstrumentHost"/>: fills the ProcessContext each block (tempo,
/// project time in quarters and samples, playing), records the output bus's notes with absolute sample
/// positions into a preallocated array, and paces like real time does: before a playing block it waits until
/// the worker has queued every note due in it (the worker's lookahead normally guarantees that). Allocation-free.
/// </summary>
internal sealed unsafe class TransportDriver
{
    private readonly InstrumentHost _host;
    private readonly OutputNote[] _notes;
    private long _nextSample = -1;
    private bool _wasPlaying;

    public TransportDriver(InstrumentHost host, double tempo = 120, int capacity = 1 << 16)
    {
        _host = host;
        Tempo = tempo;
        _notes = new OutputNote[capacity];
        host.SendContext = true;
    }

    public double Tempo { get; set; }
    public bool Playing { get; set; }
    public long SamplePosition { get; private set; }
    public double Beat => SamplePosition / _host.SampleRate * Tempo / 60;
    public int Count { get; private set; }
    /// <summary>Note-ons seen since the driver started (not reset by <see cref="ClearNotes"/>).</summary>
    public long TotalNoteOns { get; private set; }
    public bool AnyAudio { get; private set; }
    /// <summary>The Status value the plug-in last reported through the output parameter changes.</summary>
    public GenerationState? ReportedStatus { get; private set; }
    public GenerationLink Link => _host.Instrument.Generation;

    public ReadOnlySpan<OutputNote> Notes => _notes.AsSpan(0, Count);

    public void ClearNotes()
    {
        Count = 0;
        AnyAudio = false;
    }

    public void SeekBeat(double beat) => SamplePosition = (long)Math.Round(beat * 60 / Tempo * _host.SampleRate);

    /// <summary>Waits (up to 30 s) until the worker reports <paramref name="state"/>.</summary>
    public void WaitFor(GenerationState state, string? statusContains = null)
    {
        var start = Stopwatch.GetTimestamp();
        while (Link.State != state || (statusContains is not null && !Link.StatusText.Contains(statusContains, StringComparison.Ordinal)))
        {
            if (Stopwatch.GetElapsedTime(start).TotalSeconds > 30)
                throw new TimeoutException($"generator state {Link.State} ({Link.StatusText}), waited for {state} {statusContains}");
            // Keep blocks coming so the worker's restarts reach the audio side.
            Block(64, pace: false);
        }
    }

    /// <summary>Processes one stopped block at the current position so the worker starts over from here, and waits until it is ahead.</summary>
    public void Cue(int frames = 512)
    {
        var playing = Playing;
        Playing = false;
        Block(frames, pace: false);
        Playing = playing;
        Pace(Beat + 1);
    }

    public void Run(double seconds, int block = 512)
    {
        var frames = (long)Math.Round(seconds * _host.SampleRate);
        for (long done = 0; done < frames; done += block) Block((int)Math.Min(block, frames - done));
    }

    public void Block(int frames, bool pace = true)
    {
        var ctx = _host.Context;
        ctx->State = ProcessContext.StateTempoValid | ProcessContext.StateTimeSigValid | (1u << 9) | (Playing ? ProcessContext.StatePlaying : 0);
        ctx->SampleRate = _host.SampleRate;
        ctx->Tempo = Tempo;
        ctx->ProjectTimeSamples = SamplePosition;
        ctx->ProjectTimeMusic = Beat;
        ctx->TimeSigNumerator = 4;
        ctx->TimeSigDenominator = 4;
        // A block that jumps (or starts elsewhere) restarts the model inside process(): nothing to wait for before it.
        var continues = SamplePosition == _nextSample && _wasPlaying;
        if (pace && Playing && continues && Link.State == GenerationState.Ready) Pace(Beat + frames / _host.SampleRate * Tempo / 60);
        InstrumentHost.Check(_host.Process(frames), "process");
        for (var i = 0; i < _host.OutputEvents.Count; i++)
        {
            var e = _host.OutputEvents.Events[i];
            if (e.Type is not (Vst3Event.TypeNoteOn or Vst3Event.TypeNoteOff) || Count == _notes.Length) continue;
            var on = e.Type == Vst3Event.TypeNoteOn;
            if (on) TotalNoteOns++;
            _notes[Count++] = new OutputNote(SamplePosition + e.SampleOffset, on ? e.NoteOn.Pitch : e.NoteOff.Pitch, on, on ? e.NoteOn.Velocity : 0,
                on ? e.NoteOn.Channel : e.NoteOff.Channel);
        }
        if (_host.LastSilenceFlags == 0) AnyAudio = true;
        var changes = new HostParameterChanges(_host.OutputParameterChanges.InterfacePointer());
        for (var q = 0; q < changes.Count; q++)
        {
            var queue = changes.Get(q);
            if (queue.ParameterId == ParameterId.Status && queue.TryGetPoint(queue.PointCount - 1, out _, out var value))
                ReportedStatus = (GenerationState)(int)InstrumentParameters.Find(ParameterId.Status)!.ToPlain(value);
        }
        if (Playing) SamplePosition += frames;
        _nextSample = SamplePosition;
        _wasPlaying = Playing;
    }

    private void Pace(double beat)
    {
        var start = Stopwatch.GetTimestamp();
        while (!Link.IsReadyFor(beat))
        {
            if (Stopwatch.GetElapsedTime(start).TotalSeconds > 30) throw new TimeoutException($"generator never reached beat {beat} ({Link.StatusText})");
            Thread.Yield();
        }
    }

    /// <summary>Sets a parameter through the next block's parameter changes (plain value).</summary>
    public void Set(uint id, double plain)
    {
        var definition = InstrumentParameters.Find(id)!;
        _host.ParameterChanges.Add(id, 0, definition.ToNormalized(plain));
    }
}
