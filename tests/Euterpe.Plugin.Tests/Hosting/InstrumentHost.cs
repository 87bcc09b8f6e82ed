using System.Runtime.InteropServices;
using Euterpe.Plugin.Instrument;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>
/// Drives Euterpe the way a VST3 host does, only through native vtables: factory from the same
/// [UnmanagedCallersOnly] entry the loader calls, createInstance, queryInterface, initialize (with an
/// IHostApplication, which makes the messages a controller's status requests travel in),
/// setupProcessing, setActive, setProcessing, process. Audio buffers live in native memory and
/// Process() allocates nothing, so allocation tests measure the plug-in alone.
/// </summary>
internal sealed unsafe class InstrumentHost : IDisposable
{
    public const int ComponentInitialize = 3, ComponentTerminate = 4, ComponentGetBusCount = 7, ComponentGetBusInfo = 8,
        ComponentSetActive = 11, ComponentSetState = 12, ComponentGetState = 13;
    public const int ProcessorSetupProcessing = 7, ProcessorSetProcessing = 8, ProcessorProcess = 9;

    private readonly int _maxBlock;
    private readonly float* _left32;
    private readonly float* _right32;
    private readonly double* _left64;
    private readonly double* _right64;
    private readonly void** _channels;
    private readonly AudioBusBuffers* _output;
    private readonly ProcessData* _data;
    private readonly ProcessContext* _context;

    public InstrumentHost(double sampleRate = 48000, int maxBlock = 512, int sampleSize = ProcessSetup.Sample32)
    {
        _maxBlock = maxBlock;
        SampleRate = sampleRate;
        SampleSize = sampleSize;
        Factory = GetFactory();
        Component = CreateInstance(Factory, PluginIdentity.ProcessorCid, Vst3Iids.IComponent);
        Processor = Vtable.Query(Component, Vst3Iids.IAudioProcessor);
        if (Processor == 0) throw new InvalidOperationException("component has no IAudioProcessor");
        _left32 = (float*)NativeMemory.AllocZeroed((nuint)(maxBlock * sizeof(float)));
        _right32 = (float*)NativeMemory.AllocZeroed((nuint)(maxBlock * sizeof(float)));
        _left64 = (double*)NativeMemory.AllocZeroed((nuint)(maxBlock * sizeof(double)));
        _right64 = (double*)NativeMemory.AllocZeroed((nuint)(maxBlock * sizeof(double)));
        _channels = (void**)NativeMemory.AllocZeroed((nuint)(2 * sizeof(nint)));
        _output = (AudioBusBuffers*)NativeMemory.AllocZeroed((nuint)sizeof(AudioBusBuffers));
        _data = (ProcessData*)NativeMemory.AllocZeroed((nuint)sizeof(ProcessData));
        _context = (ProcessContext*)NativeMemory.AllocZeroed((nuint)sizeof(ProcessContext));
        Check(Vtable.CallInt(Component, ComponentInitialize, Application.InterfacePointer()), "initialize");
        var setup = new ProcessSetup { ProcessMode = ProcessSetup.ModeRealtime, SymbolicSampleSize = sampleSize, MaxSamplesPerBlock = maxBlock, SampleRate = sampleRate };
        Check(((delegate* unmanaged[Cdecl]<nint, ProcessSetup*, int>)Vtable.Slot(Processor, ProcessorSetupProcessing))(Processor, &setup), "setupProcessing");
        Check(Vtable.CallBool(Component, ComponentSetActive, true), "setActive");
        Check(Vtable.CallBool(Processor, ProcessorSetProcessing, true), "setProcessing");
    }

    public double SampleRate { get; }
    public int SampleSize { get; }
    public nint Factory { get; }
    public nint Component { get; }
    public nint Processor { get; }
    /// <summary>The host context the component was initialized with (a controller under test takes it too).</summary>
    public HostApplication Application { get; } = new("Euterpe tests");
    /// <summary>The managed object behind the component pointer (for test-only inspection).</summary>
    public Instrument.Euterpe Instrument => ComObject.From<Instrument.Euterpe>(Component);
    public EventList InputEvents { get; } = new(256);
    public EventList OutputEvents { get; } = new(256);
    public ParameterChanges ParameterChanges { get; } = new();
    /// <summary>Parameter changes the plug-in reports back (e.g. Status); cleared before each block.</summary>
    public ParameterChanges OutputParameterChanges { get; } = new();
    public ulong LastSilenceFlags { get; private set; }

    /// <summary>The transport sent with each block when <see cref="SendContext"/> is set (tests edit it between blocks).</summary>
    public ProcessContext* Context => _context;
    public bool SendContext { get; set; }

    public static nint GetFactory()
    {
        delegate* unmanaged[Cdecl]<nint> entry = &PluginEntry.GetPluginFactory;
        var factory = entry();
        if (factory == 0) throw new InvalidOperationException("GetPluginFactory returned null");
        return factory;
    }

    public static nint CreateInstance(nint factory, in Tuid cid, in Tuid iid)
    {
        var c = cid;
        var i = iid;
        nint result = 0;
        var rc = ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Vtable.Slot(factory, 6))(factory, (byte*)&c, (byte*)&i, &result);
        if (rc != Vst3Result.Ok || result == 0) throw new InvalidOperationException($"createInstance failed ({rc})");
        return result;
    }

    /// <summary>An edit controller initialized with this host's context and connected both ways to the component, as a DAW sets one up.</summary>
    public EuterpeController ConnectController()
    {
        var controller = new EuterpeController();
        Check(controller.Initialize(Application.InterfacePointer()), "controller initialize");
        Check(controller.Connect(Instrument.InterfacePointer(3)), "connect the controller");
        Check(Instrument.Connect(controller.InterfacePointer(1)), "connect the component");
        return controller;
    }

    /// <summary>Disconnects and terminates a controller from <see cref="ConnectController"/>.</summary>
    public void DisconnectController(EuterpeController controller)
    {
        Instrument.Disconnect(controller.InterfacePointer(1));
        controller.Terminate();
    }

    /// <summary>Runs one block with whatever is in InputEvents/ParameterChanges (cleared afterwards). Returns the process() result.</summary>
    public int Process(int frames)
    {
        if (frames > _maxBlock) throw new ArgumentOutOfRangeException(nameof(frames));
        var is64 = SampleSize == ProcessSetup.Sample64;
        // Fill with garbage so a plug-in that forgets to write shows up.
        for (var i = 0; i < frames; i++)
        {
            _left32[i] = _right32[i] = 123f;
            _left64[i] = _right64[i] = 123.0;
        }
        _channels[0] = is64 ? _left64 : _left32;
        _channels[1] = is64 ? _right64 : _right32;
        *_output = new AudioBusBuffers { NumChannels = 2, SilenceFlags = 0, ChannelBuffers = _channels };
        *_data = new ProcessData
        {
            ProcessMode = ProcessSetup.ModeRealtime,
            SymbolicSampleSize = SampleSize,
            NumSamples = frames,
            NumOutputs = 1,
            Outputs = _output,
            InputEvents = InputEvents.InterfacePointer(),
            OutputEvents = OutputEvents.InterfacePointer(),
            InputParameterChanges = ParameterChanges.InterfacePointer(),
            OutputParameterChanges = OutputParameterChanges.InterfacePointer(),
            ProcessContext = SendContext ? _context : null,
        };
        OutputEvents.Clear();
        OutputParameterChanges.Clear();
        var rc = ((delegate* unmanaged[Cdecl]<nint, ProcessData*, int>)Vtable.Slot(Processor, ProcessorProcess))(Processor, _data);
        LastSilenceFlags = _output->SilenceFlags;
        InputEvents.Clear();
        ParameterChanges.Clear();
        return rc;
    }

    public float Left(int i) => SampleSize == ProcessSetup.Sample64 ? (float)_left64[i] : _left32[i];
    public float Right(int i) => SampleSize == ProcessSetup.Sample64 ? (float)_right64[i] : _right32[i];

    /// <summary>Processes <paramref name="frames"/> frames in blocks of <paramref name="block"/>, appending the left and right channels.</summary>
    public void Render(int frames, int block, List<float> left, List<float> right)
    {
        for (var done = 0; done < frames; done += block)
        {
            var n = Math.Min(block, frames - done);
            Check(Process(n), "process");
            for (var i = 0; i < n; i++)
            {
                left.Add(Left(i));
                right.Add(Right(i));
            }
        }
    }

    public static void Check(int result, string what)
    {
        if (result != Vst3Result.Ok) throw new InvalidOperationException($"{what} returned {result}");
    }

    public void Dispose()
    {
        Vtable.CallBool(Processor, ProcessorSetProcessing, false);
        Vtable.CallBool(Component, ComponentSetActive, false);
        Vtable.CallInt(Component, ComponentTerminate);
        Vtable.Release(Processor);
        Vtable.Release(Component);
        Vtable.Release(Factory);
        Application.Release();
        InputEvents.Release();
        OutputEvents.Release();
        ParameterChanges.Release();
        OutputParameterChanges.Release();
        NativeMemory.Free(_left32);
        NativeMemory.Free(_right32);
        NativeMemory.Free(_left64);
        NativeMemory.Free(_right64);
        NativeMemory.Free(_channels);
        NativeMemory.Free(_output);
        NativeMemory.Free(_data);
        NativeMemory.Free(_context);
    }
}
