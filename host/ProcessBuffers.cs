using System.Diagnostics;
using System.Runtime.InteropServices;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// Everything one process() call needs, allocated once: ProcessData, ProcessContext, audio bus buffers
/// (inputs silent), input/output event lists and parameter-change lists. Filling a block never allocates,
/// so the JACK callback can use it too.
/// </summary>
public sealed unsafe class ProcessBuffers : IDisposable
{
    private readonly PluginInstance _plugin;
    private readonly int _inputBusCount;
    private readonly int _outputBusCount;
    private readonly AudioBusBuffers* _inputs;
    private readonly AudioBusBuffers* _outputs;
    private readonly List<nint> _blocks = [];
    private readonly double _sampleRate;
    private long _continuous;

    public ProcessBuffers(PluginInstance plugin, double sampleRate, int maxBlock)
    {
        _plugin = plugin;
        _sampleRate = sampleRate;
        MaxBlock = maxBlock;
        var buses = plugin.Buses();
        var inputs = buses.Where(b => b.IsAudio && b.IsInput).ToArray();
        var outputs = buses.Where(b => b.IsAudio && !b.IsInput).ToArray();
        _inputBusCount = inputs.Length;
        _outputBusCount = outputs.Length;
        _inputs = (AudioBusBuffers*)Alloc(sizeof(AudioBusBuffers) * Math.Max(1, inputs.Length));
        _outputs = (AudioBusBuffers*)Alloc(sizeof(AudioBusBuffers) * Math.Max(1, outputs.Length));
        for (var i = 0; i < inputs.Length; i++) FillBus(_inputs + i, inputs[i].ChannelCount);
        for (var i = 0; i < outputs.Length; i++) FillBus(_outputs + i, outputs[i].ChannelCount);
        OutputChannels = outputs.Length == 0 ? 0 : outputs[0].ChannelCount;
        Context = (ProcessContext*)Alloc(sizeof(ProcessContext));
        Data = (ProcessData*)Alloc(sizeof(ProcessData));
        Data->ProcessMode = ProcessSetup.ModeOffline;
        Data->SymbolicSampleSize = ProcessSetup.Sample32;
        Data->NumInputs = _inputBusCount;
        Data->NumOutputs = _outputBusCount;
        Data->Inputs = _inputBusCount == 0 ? null : _inputs;
        Data->Outputs = _outputBusCount == 0 ? null : _outputs;
        Data->InputParameterChanges = InputParameters.InterfacePointer();
        Data->OutputParameterChanges = OutputParameters.InterfacePointer();
        Data->InputEvents = plugin.BusCount(audio: false, input: true) > 0 ? InputEvents.InterfacePointer() : 0;
        Data->OutputEvents = plugin.BusCount(audio: false, input: false) > 0 ? OutputEvents.InterfacePointer() : 0;
        Data->ProcessContext = Context;
    }

    public int MaxBlock { get; }

    /// <summary>Channels of the main output bus.</summary>
    public int OutputChannels { get; }

    public ProcessData* Data { get; }

    public ProcessContext* Context { get; }

    public EventList InputEvents { get; } = new(4096);

    public EventList OutputEvents { get; } = new(4096);

    public ParameterChanges InputParameters { get; } = new();

    public ParameterChanges OutputParameters { get; } = new();

    public float* OutputChannel(int channel) => (float*)_outputs[0].ChannelBuffers[channel];

    /// <summary>Points a main-output channel at a buffer the caller owns (JACK's port buffer): no copy.</summary>
    public void SetOutputChannel(int channel, float* buffer) => _outputs[0].ChannelBuffers[channel] = buffer;

    public void SetRealtime(bool realtime) => Data->ProcessMode = realtime ? ProcessSetup.ModeRealtime : ProcessSetup.ModeOffline;

    /// <summary>Clears the per-block lists and fills ProcessContext for a block starting at <paramref name="projectSample"/>.</summary>
    public void BeginBlock(int frames, long projectSample, double tempo, int numerator, int denominator, bool playing)
    {
        InputEvents.Clear();
        OutputEvents.Clear();
        InputParameters.Clear();
        OutputParameters.Clear();
        Data->NumSamples = frames;
        for (var b = 0; b < _outputBusCount; b++) _outputs[b].SilenceFlags = 0;
        var quarters = projectSample / _sampleRate * tempo / 60.0;
        var quartersPerBar = numerator * 4.0 / denominator;
        *Context = new ProcessContext
        {
            State = (playing ? ProcessContext.StatePlaying : 0) | ProcessContext.StateTempoValid | ProcessContext.StateTimeSigValid
                | SystemTimeValid | ProjectTimeMusicValid | BarPositionValid | ContinuousTimeValid,
            SampleRate = _sampleRate,
            ProjectTimeSamples = projectSample,
            SystemTime = (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)),
            ContinuousTimeSamples = _continuous,
            ProjectTimeMusic = quarters,
            BarPositionMusic = Math.Floor(quarters / quartersPerBar) * quartersPerBar,
            Tempo = tempo,
            TimeSigNumerator = numerator,
            TimeSigDenominator = denominator,
        };
        _continuous += frames;
    }

    /// <summary>Adds a note event at <paramref name="offset"/> within the block, with its musical position.</summary>
    public bool AddNote(in ScheduledEvent e, int offset)
    {
        var ppq = Context->ProjectTimeMusic + offset / _sampleRate * Context->Tempo / 60.0;
        var vst = e.IsNoteOn ? Vst3Event.NoteOnAt(offset, e.Pitch, e.Velocity, e.Channel) : Vst3Event.NoteOffAt(offset, e.Pitch, e.Velocity, e.Channel);
        vst.PpqPosition = ppq;
        return InputEvents.Add(vst);
    }

    public int Process() => _plugin.Process(Data);

    // ivstprocesscontext.h StatesAndFlags beyond the three ProcessContext names.
    private const uint SystemTimeValid = 1 << 8;
    private const uint ProjectTimeMusicValid = 1 << 9;
    private const uint BarPositionValid = 1 << 11;
    private const uint ContinuousTimeValid = 1 << 17;

    private void FillBus(AudioBusBuffers* bus, int channels)
    {
        bus->NumChannels = channels;
        bus->SilenceFlags = 0;
        bus->ChannelBuffers = (void**)Alloc(sizeof(nint) * Math.Max(1, channels));
        for (var c = 0; c < channels; c++) bus->ChannelBuffers[c] = Alloc(sizeof(float) * MaxBlock);
    }

    private void* Alloc(int bytes)
    {
        var block = NativeMemory.AlignedAlloc((nuint)bytes, 64);
        NativeMemory.Clear(block, (nuint)bytes);
        _blocks.Add((nint)block);
        return block;
    }

    public void Dispose()
    {
        InputEvents.Release();
        OutputEvents.Release();
        InputParameters.Release();
        OutputParameters.Release();
        foreach (var block in _blocks) NativeMemory.AlignedFree((void*)block);
        _blocks.Clear();
    }
}
