using Euterpe.Core.Realtime;
using Euterpe.Plugin.Generation;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// The Euterpe instrument's audio component (IComponent + IAudioProcessor): MIDI in, generated MIDI
/// out, stereo audio out. A generator worker (<see cref="GenerationWorker"/>) plays the chosen model preset
/// locked to the host's transport (<see cref="TransportPlayback"/>); a built-in electric piano voices the
/// incoming and generated notes. process() never allocates: all buffers exist before processing starts.
/// </summary>
public sealed unsafe class Euterpe : ComObject, IComponent, IAudioProcessor, IProcessContextRequirements, IConnectionPoint
{
    /// <summary>The range we test and promise; setupProcessing accepts any positive rate (the synth works at any).</summary>
    public const double MinSampleRate = 22050;
    public const double MaxSampleRate = 384000;
    public const int MaxBlockSize = 8192;
    /// <summary>kStereo = kSpeakerL | kSpeakerR.</summary>
    public const ulong StereoArrangement = 0x3;

    private const int ChunkSize = 256;
    private const int GeneratedCapacity = 1024;
    private const int ParameterPointCapacity = 512;
    private const double ReleaseTailSeconds = 1.2;

    private readonly ElectricPianoSynth _synth = new();
    private readonly OutputLimiter _limiter = new();
    private bool _setupOffline;
    private readonly double[] _values = InstrumentParameters.Defaults();
    private readonly float[] _left = new float[ChunkSize];
    private readonly float[] _right = new float[ChunkSize];
    private readonly bool[] _busActive = [true, true, true];
    private readonly SpscQueue<Vst3Event> _generated = new(GeneratedCapacity);
    private readonly Vst3Event[] _generatedBlock = new Vst3Event[GeneratedCapacity];
    private readonly PlaybackNote[] _playbackBlock = new PlaybackNote[GeneratedCapacity];
    private readonly ParameterPoint[] _points = new ParameterPoint[ParameterPointCapacity];
    private readonly GenerationLink _link = new();
    private readonly TransportPlayback _playback;
    private readonly AudioStreamPlayback _audioStream;
    private GenerationWorker? _worker;
    private double _sampleRate = 48000;
    private int _sampleSize = ProcessSetup.Sample32;
    private float _gain = 1f;
    private bool _active;
    private bool _processing;
    private bool _controlsChanged;
    private bool _transportPlaying;
    private nint _context;
    private nint _peer;
    private long _feed;

    public Euterpe() : base([ComponentThunks.Vtable, AudioProcessorThunks.Vtable, ProcessContextRequirementsThunks.Vtable, ConnectionPointThunks.Vtable])
    {
        _playback = new TransportPlayback(_link, () => (int)InstrumentParameters.Plain(_values, ParameterId.Model));
        _audioStream = new AudioStreamPlayback(_link, ChunkSize);
        _link.Controls.Publish(InstrumentParameters.ControlsOf(_values));
    }

    /// <summary>What the generator worker and the audio thread share (status, clips, pacing for tests and hosts).</summary>
    public GenerationLink Generation => _link;

    public TransportPlayback Playback => _playback;

    public bool IsActive => _active;
    public bool IsProcessing => _processing;
    public ElectricPianoSynth Synth => _synth;

    public double ParameterValue(uint id) => _values[InstrumentParameters.IndexOf(id)];

    protected override int SlotOf(in Tuid iid)
    {
        if (iid.Matches(Vst3Iids.IComponent) || iid.Matches(Vst3Iids.IPluginBase)) return 0;
        if (iid.Matches(Vst3Iids.IAudioProcessor)) return 1;
        if (iid.Matches(Vst3Iids.IProcessContextRequirements)) return 2;
        if (iid.Matches(Vst3Iids.IConnectionPoint)) return 3;
        return -1;
    }

    protected override void OnFinalRelease() => Terminate();

    // IPluginBase: the worker starts here so the model loads while the host sets up. The host's context makes the
    // messages status replies travel in.
    public int Initialize(nint context)
    {
        ComPointer.Exchange(ref _context, context);
        _worker ??= new GenerationWorker(_link);
        if (_feed == 0) _feed = EditorFeeds.Register(_link);
        return Vst3Result.Ok;
    }

    public int Terminate()
    {
        StopWorker();
        EditorFeeds.Unregister(_feed);
        _feed = 0;
        ComPointer.Exchange(ref _peer, 0);
        ComPointer.Exchange(ref _context, 0);
        return Vst3Result.Ok;
    }

    private void StopWorker()
    {
        _worker?.Dispose();
        _worker = null;
    }

    // IComponent
    public int GetControllerClassId(byte* classId)
    {
        PluginIdentity.ControllerCid.WriteTo(classId);
        return Vst3Result.Ok;
    }

    public int SetIoMode(int mode) => Vst3Result.NotImplemented;

    public int GetBusCount(int type, int direction) => type switch
    {
        BusInfo.MediaAudio => direction == BusInfo.DirectionOutput ? 1 : 0,
        BusInfo.MediaEvent => direction is BusInfo.DirectionInput or BusInfo.DirectionOutput ? 1 : 0,
        _ => 0,
    };

    public int GetBusInfo(int type, int direction, int index, BusInfo* info)
    {
        if (index != 0 || GetBusCount(type, direction) == 0) return Vst3Result.InvalidArgument;
        *info = default;
        info->MediaType = type;
        info->Direction = direction;
        info->BusType = BusInfo.TypeMain;
        info->Flags = BusInfo.FlagDefaultActive;
        info->ChannelCount = type == BusInfo.MediaAudio ? 2 : 16;
        var name = type == BusInfo.MediaAudio ? "Stereo Out" : direction == BusInfo.DirectionInput ? "MIDI In" : "Generated MIDI";
        Vst3Strings.WriteUtf16(name, info->Name, 128);
        return Vst3Result.Ok;
    }

    public int GetRoutingInfo(RoutingInfo* inInfo, RoutingInfo* outInfo) => Vst3Result.NotImplemented;

    public int ActivateBus(int type, int direction, int index, bool state)
    {
        if (index != 0 || GetBusCount(type, direction) == 0) return Vst3Result.InvalidArgument;
        _busActive[type == BusInfo.MediaAudio ? 0 : 1 + direction] = state;
        return Vst3Result.Ok;
    }

    public int SetActive(bool state)
    {
        _synth.SetSampleRate(_sampleRate);
        _limiter.SetSampleRate(_sampleRate);
        _gain = TargetGain();
        _active = state;
        return Vst3Result.Ok;
    }

    public int SetState(HostStream state)
    {
        Span<double> loaded = stackalloc double[_values.Length];
        _values.CopyTo(loaded);
        if (!ParameterStateFormat.Read(state, loaded, out var preset)) return Vst3Result.False;
        ParameterStateFormat.ResolveModel(preset, loaded);
        // Status is the component's to say, not the state's.
        loaded[InstrumentParameters.IndexOf(ParameterId.Status)] = _values[InstrumentParameters.IndexOf(ParameterId.Status)];
        loaded.CopyTo(_values);
        _link.Controls.Publish(InstrumentParameters.ControlsOf(_values));
        return Vst3Result.Ok;
    }

    public int GetState(HostStream state) =>
        ParameterStateFormat.Write(state, _values, ParameterStateFormat.PresetOf(_values)) ? Vst3Result.Ok : Vst3Result.False;

    // IAudioProcessor
    public int SetBusArrangements(ulong* inputs, int inputCount, ulong* outputs, int outputCount) =>
        inputCount == 0 && outputCount == 1 && outputs[0] == StereoArrangement ? Vst3Result.True : Vst3Result.False;

    public int GetBusArrangement(int direction, int index, ulong* arrangement)
    {
        if (direction != BusInfo.DirectionOutput || index != 0) return Vst3Result.InvalidArgument;
        *arrangement = StereoArrangement;
        return Vst3Result.Ok;
    }

    public int CanProcessSampleSize(int symbolicSampleSize) =>
        symbolicSampleSize is ProcessSetup.Sample32 or ProcessSetup.Sample64 ? Vst3Result.True : Vst3Result.False;

    public uint GetLatencySamples() => 0;

    public int SetupProcessing(ProcessSetup* setup)
    {
        if (_active) return Vst3Result.False;
        if (CanProcessSampleSize(setup->SymbolicSampleSize) != Vst3Result.True) return Vst3Result.False;
        if (setup->MaxSamplesPerBlock <= 0 || !double.IsFinite(setup->SampleRate) || setup->SampleRate <= 0)
            return Vst3Result.InvalidArgument;
        _sampleRate = setup->SampleRate;
        _link.SampleRate = setup->SampleRate;
        _sampleSize = setup->SymbolicSampleSize;
        _setupOffline = setup->ProcessMode == ProcessSetup.ModeOffline;
        _synth.SetSampleRate(_sampleRate);
        _limiter.SetSampleRate(_sampleRate);
        return Vst3Result.Ok;
    }

    public int SetProcessing(bool state)
    {
        if (!state) _synth.AllNotesOff();
        _processing = state;
        return Vst3Result.Ok;
    }

    public uint GetTailSamples() => (uint)(ReleaseTailSeconds * _sampleRate);

    public int Process(ProcessData* data)
    {
        var points = CollectParameterPoints(new HostParameterChanges(data->InputParameterChanges));
        var events = new HostEventList(data->InputEvents);
        var eventCount = events.IsNull ? 0 : events.Count;
        var frames = data->NumSamples;
        // A clip is captured only while the host plays: a validator or a state restore sweeping the trigger is no gesture.
        _transportPlaying = data->ProcessContext != null && (data->ProcessContext->State & ProcessContext.StatePlaying) != 0;
        // Some hosts (Ardour's export) keep the realtime setup and mark each offline block in ProcessData instead.
        _playback.WaitForGenerator = _setupOffline || data->ProcessMode == ProcessSetup.ModeOffline;
        if (frames <= 0 || data->NumOutputs < 1 || data->Outputs == null)
        {
            // A parameter flush, or a host that gave us no output: still take the changes and the notes.
            for (var i = 0; i < points; i++) SetParameter(_points[i].Index, _points[i].Value);
            PublishControls();
            for (var i = 0; i < eventCount; i++)
                if (events.TryGet(i, out var e)) ApplyHost(e);
            return Vst3Result.Ok;
        }
        if (data->SymbolicSampleSize is not (ProcessSetup.Sample32 or ProcessSetup.Sample64)) return Vst3Result.InvalidArgument;

        ref var output = ref data->Outputs[0];
        var channels = output.ChannelBuffers == null ? 0 : Math.Min(output.NumChannels, 2);
        var is64 = data->SymbolicSampleSize == ProcessSetup.Sample64;
        // Changes at the block's first sample (a DAW choosing the model, seed or gain as playback starts) apply before
        // this block's generated notes are taken, so the block already plays what they ask for.
        var pointNext = 0;
        for (; pointNext < points && _points[pointNext].SampleOffset <= 0; pointNext++) SetParameter(_points[pointNext].Index, _points[pointNext].Value);
        PublishControls();
        var generated = TakeGenerated(data->ProcessContext, frames, new HostEventList(data->OutputEvents));
        _audioStream.Begin(frames, _playback.WaitForGenerator);
        var audible = false;
        var position = 0;
        var hostNext = 0;
        var hasHost = NextHostEvent(events, eventCount, ref hostNext, out var hostEvent);
        var generatedNext = 0;
        while (position < frames)
        {
            // Take every parameter point and event (host's and generator's) due at or before this position...
            while (true)
            {
                if (pointNext < points && _points[pointNext].SampleOffset <= position)
                {
                    SetParameter(_points[pointNext].Index, _points[pointNext].Value);
                    pointNext++;
                }
                else if (hasHost && hostEvent.SampleOffset <= position)
                {
                    ApplyHost(hostEvent);
                    hasHost = NextHostEvent(events, eventCount, ref hostNext, out hostEvent);
                }
                else if (generatedNext < generated && _generatedBlock[generatedNext].SampleOffset <= position)
                {
                    Apply(_generatedBlock[generatedNext++]);
                }
                else
                {
                    break;
                }
            }
            // ...then render up to the next one.
            var end = frames;
            if (hasHost) end = Math.Min(end, hostEvent.SampleOffset);
            if (generatedNext < generated) end = Math.Min(end, _generatedBlock[generatedNext].SampleOffset);
            if (pointNext < points) end = Math.Min(end, _points[pointNext].SampleOffset);
            audible |= Render(ref output, channels, is64, position, end - position);
            position = end;
        }
        // Points and events stamped past the block still count (notes must not hang).
        for (; pointNext < points; pointNext++) SetParameter(_points[pointNext].Index, _points[pointNext].Value);
        PublishControls();
        while (hasHost)
        {
            ApplyHost(hostEvent);
            hasHost = NextHostEvent(events, eventCount, ref hostNext, out hostEvent);
        }
        output.SilenceFlags = audible ? 0UL : (1UL << output.NumChannels) - 1;
        ReportStatus(new HostParameterChanges(data->OutputParameterChanges));
        return Vst3Result.Ok;
    }

    // IProcessContextRequirements: the generator will follow tempo, metre and transport.
    public uint GetProcessContextRequirements() =>
        IProcessContextRequirements.NeedTempo | IProcessContextRequirements.NeedTimeSignature | IProcessContextRequirements.NeedTransportState;

    // IConnectionPoint: the peer is the controller, or the host's proxy of it.
    public int Connect(nint other)
    {
        ComPointer.Exchange(ref _peer, other);
        return Vst3Result.Ok;
    }

    public int Disconnect(nint other)
    {
        if (other != _peer) return Vst3Result.InvalidArgument;
        ComPointer.Exchange(ref _peer, 0);
        return Vst3Result.Ok;
    }

    /// <summary>The controller asks for the status text (on the host's UI thread); the reply goes back at once.</summary>
    public int Notify(nint message)
    {
        if (StatusMessage.IsRequest(message)) StatusMessage.SendReply(_context, _peer, _link.StatusText, _feed);
        return Vst3Result.Ok;
    }

    /// <summary>
    /// Producer side for the generator worker (exactly one thread): queues an event for the next
    /// process() call, where it is voiced and sent out on the generated-MIDI bus at its sample offset
    /// (clamped into that block). False when the queue is full.
    /// </summary>
    public bool TryQueueGenerated(in Vst3Event e) => _generated.TryEnqueue(e);

    /// <summary>Moves queued generated events into this block (sorted by offset) and copies them to the output bus.</summary>
    private int TakeGenerated(ProcessContext* context, int frames, HostEventList output)
    {
        var count = _generated.DequeueInto(_generatedBlock);
        var played = _playback.Process(ProcessContextTransport.Read(context, frames, _sampleRate), _playbackBlock.AsSpan(0, _generatedBlock.Length - count));
        for (var i = 0; i < played; i++)
        {
            ref readonly var note = ref _playbackBlock[i];
            _generatedBlock[count++] = note.IsNoteOn
                ? Vst3Event.NoteOnAt(note.SampleOffset, note.Pitch, note.Velocity, note.Channel)
                : Vst3Event.NoteOffAt(note.SampleOffset, note.Pitch, channel: note.Channel);
        }
        for (var i = 0; i < count; i++)
        {
            ref var e = ref _generatedBlock[i];
            e.SampleOffset = Math.Clamp(e.SampleOffset, 0, frames - 1);
            e.BusIndex = 0;
            // Insertion sort: blocks hold few events, and it is stable and allocation-free.
            var item = e;
            var j = i - 1;
            for (; j >= 0 && _generatedBlock[j].SampleOffset > item.SampleOffset; j--) _generatedBlock[j + 1] = _generatedBlock[j];
            _generatedBlock[j + 1] = item;
        }
        if (!output.IsNull && _busActive[2])
            for (var i = 0; i < count; i++) output.Add(_generatedBlock[i]);
        return count;
    }

    /// <summary>Tells the host when the read-only Status parameter changes (its value string comes from the controller).</summary>
    private void ReportStatus(HostParameterChanges output)
    {
        var index = InstrumentParameters.IndexOf(ParameterId.Status);
        var value = InstrumentParameters.All[index].ToNormalized((int)_link.State);
        if (value == _values[index]) return;
        _values[index] = value;
        if (output.IsNull) return;
        var queue = output.Add(ParameterId.Status, out _);
        if (!queue.IsNull) queue.AddPoint(0, value, out _);
    }

    private static bool NextHostEvent(HostEventList events, int count, ref int next, out Vst3Event e)
    {
        while (next < count)
            if (events.TryGet(next++, out e)) return true;
        e = default;
        return false;
    }

    private void ApplyHost(in Vst3Event e)
    {
        if (e.Type == Vst3Event.TypeNoteOn) _playback.RecordNoteOn(e.SampleOffset, e.NoteOn.Pitch, e.NoteOn.Velocity);
        else if (e.Type == Vst3Event.TypeNoteOff) _playback.RecordNoteOff(e.SampleOffset, e.NoteOff.Pitch);
        Apply(e);
    }

    private void Apply(in Vst3Event e)
    {
        switch (e.Type)
        {
            case Vst3Event.TypeNoteOn when _values[InstrumentParameters.IndexOf(ParameterId.SynthEnabled)] >= 0.5:
                _synth.NoteOn(e.NoteOn.Pitch, e.NoteOn.Velocity, e.NoteOn.Channel, e.NoteOn.NoteId, e.NoteOn.Tuning);
                break;
            case Vst3Event.TypeNoteOff:
                _synth.NoteOff(e.NoteOff.Pitch, e.NoteOff.Channel, e.NoteOff.NoteId);
                break;
        }
    }

    /// <summary>
    /// Reads every point of every queue into <see cref="_points"/>, sorted by sample offset, so the
    /// render loop can apply them where they fall (sample-accurate). Points beyond the pool's capacity
    /// are applied at once instead.
    /// </summary>
    private int CollectParameterPoints(HostParameterChanges changes)
    {
        if (changes.IsNull) return 0;
        var total = 0;
        var queues = changes.Count;
        for (var q = 0; q < queues; q++)
        {
            var queue = changes.Get(q);
            if (queue.IsNull) continue;
            var index = InstrumentParameters.IndexOf(queue.ParameterId);
            if (index < 0) continue;
            var points = queue.PointCount;
            for (var p = 0; p < points; p++)
            {
                if (!queue.TryGetPoint(p, out var offset, out var value)) continue;
                if (total == _points.Length)
                {
                    SetParameter(index, value);
                    continue;
                }
                // Insertion sort by offset; stable, so a queue's own order is kept.
                var point = new ParameterPoint(offset, index, value);
                var j = total - 1;
                for (; j >= 0 && _points[j].SampleOffset > offset; j--) _points[j + 1] = _points[j];
                _points[j + 1] = point;
                total++;
            }
        }
        return total;
    }

    private void SetParameter(int index, double value)
    {
        if (!double.IsFinite(value)) return;
        var definition = InstrumentParameters.All[index];
        if (definition.IsReadOnly) return;
        // Triggers fire on the rising edge.
        if (definition.Id == ParameterId.Regenerate && value >= 0.5 && _values[index] < 0.5) _link.RequestRegenerate();
        if (definition.Id == ParameterId.CaptureClip && value >= 0.5 && _values[index] < 0.5 && _transportPlaying) _link.RequestCapture();
        if (definition.Id == ParameterId.StoreTheme && value >= 0.5 && _values[index] < 0.5) _link.RequestThemeStore();
        if (definition.Id == ParameterId.NewTheme && value >= 0.5 && _values[index] < 0.5) _link.RequestNewTheme();
        if (definition.Id == ParameterId.FillClip && value >= 0.5 && _values[index] < 0.5) _link.RequestFillClip();
        var enabledIndex = InstrumentParameters.IndexOf(ParameterId.SynthEnabled);
        var wasEnabled = _values[enabledIndex] >= 0.5;
        _values[index] = Math.Clamp(value, 0, 1);
        _controlsChanged = true;
        if (wasEnabled && index == enabledIndex && value < 0.5) _synth.Reset();
    }

    /// <summary>
    /// Hands the worker the knobs as they are now, once per batch of changes. If a setState is publishing at this very
    /// moment the audio thread does not wait for it: the changes stay pending and the next call publishes them.
    /// </summary>
    private void PublishControls()
    {
        if (_controlsChanged && _link.Controls.TryPublish(InstrumentParameters.ControlsOf(_values))) _controlsChanged = false;
    }

    private float TargetGain()
    {
        var definition = InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.OutputGain)];
        var db = definition.ToPlain(_values[InstrumentParameters.IndexOf(ParameterId.OutputGain)]);
        return db <= InstrumentParameters.MinGainDb ? 0f : (float)Math.Pow(10, db / 20);
    }

    /// <summary>Renders [start, start+count) into the output bus; true if any sample is non-zero.</summary>
    private bool Render(ref AudioBusBuffers output, int channels, bool is64, int start, int count)
    {
        var bypassed = _values[InstrumentParameters.IndexOf(ParameterId.Bypass)] >= 0.5;
        var target = bypassed ? 0f : TargetGain();
        // One-pole smoothing (about 5 ms) so gain changes do not click.
        var smoothing = (float)(1 - Math.Exp(-1 / (0.005 * _sampleRate)));
        var audible = false;
        for (var offset = 0; offset < count; offset += ChunkSize)
        {
            var n = Math.Min(ChunkSize, count - offset);
            var left = _left.AsSpan(0, n);
            var right = _right.AsSpan(0, n);
            left.Clear();
            right.Clear();
            _synth.RenderAdd(left, right);
            _audioStream.ReadAdd(left, right);
            for (var i = 0; i < n; i++)
            {
                _gain += (target - _gain) * smoothing;
                // Land exactly on the target so bypass and -inf are true digital silence.
                if (Math.Abs(target - _gain) < 1e-4f) _gain = target;
                left[i] *= _gain;
                right[i] *= _gain;
                audible |= left[i] != 0f || right[i] != 0f;
            }
            _limiter.Process(left, right);
            for (var c = 0; c < output.NumChannels && output.ChannelBuffers != null; c++)
            {
                var source = c < channels ? (c == 0 ? left : right) : default;
                var at = start + offset;
                if (output.ChannelBuffers[c] == null) continue;
                if (is64)
                {
                    var destination = new Span<double>((double*)output.ChannelBuffers[c] + at, n);
                    if (source.IsEmpty) destination.Clear();
                    else for (var i = 0; i < n; i++) destination[i] = source[i];
                }
                else
                {
                    var destination = new Span<float>((float*)output.ChannelBuffers[c] + at, n);
                    if (source.IsEmpty) destination.Clear();
                    else source.CopyTo(destination);
                }
            }
        }
        return audible;
    }
}
