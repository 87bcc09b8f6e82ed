using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// One instance of a bundle's audio module, set up as a DAW does: create the component, initialize it with
/// our IHostApplication, find its controller (same object or a separate class), initialize that, connect the
/// two through IConnectionPoint, hand the controller the component's state, and give it our IComponentHandler.
/// Every plug-in call that fails becomes a <see cref="HostException"/> naming the step.
/// </summary>
public sealed unsafe class PluginInstance : IDisposable
{
    private readonly string _bundle;
    private nint _component;
    private nint _processor;
    private nint _controller;
    private nint _componentPoint;
    private nint _controllerPoint;
    private bool _controllerIsComponent;
    private bool _active;
    private bool _processing;

    private PluginInstance(Vst3Module module, ClassDescription audioClass)
    {
        Module = module;
        _bundle = module.BundlePath;
        Class = audioClass;
    }

    public Vst3Module Module { get; }

    public ClassDescription Class { get; }

    /// <summary>The name our IHostApplication gives plug-ins.</summary>
    public const string HostName = "Euterpe Host";

    public HostApplication Host { get; } = new(HostName);

    public ComponentHandler Handler { get; } = new();

    public nint Component => _component;

    public nint Processor => _processor;

    public nint Controller => _controller;

    public static PluginInstance Create(Vst3Module module, string? className = null)
    {
        var classes = FactoryReader.Classes(module);
        var audio = classes.FirstOrDefault(c => c.Category == FactoryReader.AudioModuleCategory && (className is null || c.Name == className))
            ?? throw new HostException(module.BundlePath, "factory", className is null ? "no Audio Module Class" : $"no Audio Module Class named {className}");
        var instance = new PluginInstance(module, audio);
        try
        {
            instance.Build();
            return instance;
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    private void Build()
    {
        _component = CreateInstance(Class.Cid, Vst3Iids.IComponent, "createInstance(IComponent)");
        Call.Check(_bundle, "IComponent::initialize", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_component, 3))(_component, Host.InterfacePointer()));
        _processor = ComPointer.Query(_component, Vst3Iids.IAudioProcessor);
        if (_processor == 0) throw new HostException(_bundle, "queryInterface(IAudioProcessor)", "the component is not an audio processor");

        _controller = ComPointer.Query(_component, Vst3Iids.IEditController);
        _controllerIsComponent = _controller != 0;
        if (_controller == 0)
        {
            Tuid controllerCid = default;
            var rc = ((delegate* unmanaged[Cdecl]<nint, byte*, int>)Call.Slot(_component, 5))(_component, (byte*)&controllerCid);
            if (rc == Vst3Result.Ok)
            {
                _controller = CreateInstance(controllerCid.ToString(), Vst3Iids.IEditController, "createInstance(IEditController)");
                Call.Check(_bundle, "IEditController::initialize", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controller, 3))(_controller, Host.InterfacePointer()));
            }
        }
        if (_controller == 0) return;

        if (!_controllerIsComponent)
        {
            _componentPoint = ComPointer.Query(_component, Vst3Iids.IConnectionPoint);
            _controllerPoint = ComPointer.Query(_controller, Vst3Iids.IConnectionPoint);
            if (_componentPoint != 0 && _controllerPoint != 0)
            {
                Call.Check(_bundle, "IConnectionPoint::connect (component)", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_componentPoint, 3))(_componentPoint, _controllerPoint));
                Call.Check(_bundle, "IConnectionPoint::connect (controller)", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controllerPoint, 3))(_controllerPoint, _componentPoint));
            }
        }

        // The controller learns the processor's current values from the component's state, as after loading a project.
        var state = GetComponentState();
        using (var stream = new StreamLease(state))
            Call.Check(_bundle, "IEditController::setComponentState", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controller, 5))(_controller, stream.Pointer));
        Call.Check(_bundle, "IEditController::setComponentHandler", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controller, 16))(_controller, Handler.InterfacePointer()));
    }

    private nint CreateInstance(string cidHex, in Tuid iid, string step)
    {
        var cid = new Tuid(Convert.FromHexString(cidHex));
        var iidCopy = iid;
        nint result = 0;
        var rc = ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)Call.Slot(Module.Factory, 6))(Module.Factory, (byte*)&cid, (byte*)&iidCopy, &result);
        Call.Check(_bundle, step, rc);
        if (result == 0) throw new HostException(_bundle, step, "returned kResultOk but no object");
        return result;
    }

    /// <summary>IComponent::getState into a fresh stream.</summary>
    public byte[] GetComponentState()
    {
        using var stream = new StreamLease([]);
        Call.Check(_bundle, "IComponent::getState", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_component, 13))(_component, stream.Pointer));
        return stream.Stream.Contents.ToArray();
    }

    /// <summary>IComponent::setState, then the controller's setComponentState, as a DAW does when it loads a project.</summary>
    public void SetComponentState(ReadOnlySpan<byte> state)
    {
        using (var stream = new StreamLease(state))
            Call.Check(_bundle, "IComponent::setState", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_component, 12))(_component, stream.Pointer));
        if (_controller == 0) return;
        using var again = new StreamLease(state);
        Call.Check(_bundle, "IEditController::setComponentState", ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controller, 5))(_controller, again.Pointer));
    }

    public int BusCount(bool audio, bool input) =>
        ((delegate* unmanaged[Cdecl]<nint, int, int, int>)Call.Slot(_component, 7))(_component, audio ? BusInfo.MediaAudio : BusInfo.MediaEvent, input ? BusInfo.DirectionInput : BusInfo.DirectionOutput);

    public List<BusDescription> Buses()
    {
        var buses = new List<BusDescription>();
        foreach (var audio in new[] { true, false })
        foreach (var input in new[] { true, false })
        {
            var count = BusCount(audio, input);
            for (var i = 0; i < count; i++)
            {
                BusInfo info;
                var rc = ((delegate* unmanaged[Cdecl]<nint, int, int, int, BusInfo*, int>)Call.Slot(_component, 8))(
                    _component, audio ? BusInfo.MediaAudio : BusInfo.MediaEvent, input ? BusInfo.DirectionInput : BusInfo.DirectionOutput, i, &info);
                Call.Check(_bundle, $"IComponent::getBusInfo({(audio ? "audio" : "event")}, {(input ? "in" : "out")}, {i})", rc);
                buses.Add(new BusDescription(audio, input, i, Vst3Strings.ReadUtf16(info.Name, 128), info.ChannelCount,
                    info.BusType == BusInfo.TypeMain, (info.Flags & BusInfo.FlagDefaultActive) != 0));
            }
        }
        return buses;
    }

    public void ActivateBus(bool audio, bool input, int index, bool state)
    {
        var rc = ((delegate* unmanaged[Cdecl]<nint, int, int, int, byte, int>)Call.Slot(_component, 10))(
            _component, audio ? BusInfo.MediaAudio : BusInfo.MediaEvent, input ? BusInfo.DirectionInput : BusInfo.DirectionOutput, index, state ? (byte)1 : (byte)0);
        Call.Check(_bundle, "IComponent::activateBus", rc);
    }

    public List<ParameterDescription> Parameters()
    {
        var list = new List<ParameterDescription>();
        if (_controller == 0) return list;
        var count = ((delegate* unmanaged[Cdecl]<nint, int>)Call.Slot(_controller, 8))(_controller);
        for (var i = 0; i < count; i++)
        {
            ParameterInfo info;
            Call.Check(_bundle, $"IEditController::getParameterInfo({i})", ((delegate* unmanaged[Cdecl]<nint, int, ParameterInfo*, int>)Call.Slot(_controller, 9))(_controller, i, &info));
            list.Add(new ParameterDescription(info.Id, Vst3Strings.ReadUtf16(info.Title, 128), Vst3Strings.ReadUtf16(info.ShortTitle, 128),
                Vst3Strings.ReadUtf16(info.Units, 128), info.DefaultNormalizedValue, ValueText(info.Id, info.DefaultNormalizedValue),
                info.StepCount, info.UnitId, info.Flags));
        }
        return list;
    }

    /// <summary>IEditController::getParamStringByValue: how the controller shows a value ("" when it declines).</summary>
    public string ValueText(uint id, double normalized)
    {
        if (_controller == 0) return "";
        var text = stackalloc char[128];
        new Span<char>(text, 128).Clear();
        return ((delegate* unmanaged[Cdecl]<nint, uint, double, char*, int>)Call.Slot(_controller, 10))(_controller, id, normalized, text) == Vst3Result.Ok
            ? Vst3Strings.ReadUtf16(text, 128) : "";
    }

    public List<UnitDescription> Units()
    {
        var units = new List<UnitDescription>();
        var unitInfo = _controller == 0 ? 0 : ComPointer.Query(_controller, Vst3Iids.IUnitInfo);
        if (unitInfo == 0) return units;
        try
        {
            var count = ((delegate* unmanaged[Cdecl]<nint, int>)Call.Slot(unitInfo, 3))(unitInfo);
            for (var i = 0; i < count; i++)
            {
                UnitInfo info;
                Call.Check(_bundle, $"IUnitInfo::getUnitInfo({i})", ((delegate* unmanaged[Cdecl]<nint, int, UnitInfo*, int>)Call.Slot(unitInfo, 4))(unitInfo, i, &info));
                units.Add(new UnitDescription(info.Id, info.ParentUnitId, Vst3Strings.ReadUtf16(info.Name, 128), info.ProgramListId));
            }
        }
        finally
        {
            ComPointer.Release(unitInfo);
        }
        return units;
    }

    /// <summary>IEditController::setParamNormalized: what a DAW does when the user moves a knob.</summary>
    public void SetControllerParameter(uint id, double normalized)
    {
        if (_controller == 0) return;
        Call.Check(_bundle, $"IEditController::setParamNormalized({id})", ((delegate* unmanaged[Cdecl]<nint, uint, double, int>)Call.Slot(_controller, 15))(_controller, id, normalized));
    }

    /// <summary>setParamNormalized without failing: for values the processor reports, which a controller may decline.</summary>
    public bool TrySetControllerParameter(uint id, double normalized) =>
        _controller != 0 && ((delegate* unmanaged[Cdecl]<nint, uint, double, int>)Call.Slot(_controller, 15))(_controller, id, normalized) == Vst3Result.Ok;

    /// <summary>IEditController::getParamValueByString: the normalized value the controller gives a text, as a DAW's typed entry.</summary>
    public bool TryParseParameter(uint id, string text, out double normalized)
    {
        normalized = double.NaN;
        if (_controller == 0) return false;
        var buffer = stackalloc char[128];
        Vst3Strings.WriteUtf16(text, buffer, 128);
        double value;
        var ok = ((delegate* unmanaged[Cdecl]<nint, uint, char*, double*, int>)Call.Slot(_controller, 11))(_controller, id, buffer, &value) == Vst3Result.Ok;
        if (ok) normalized = value;
        return ok;
    }

    public double GetControllerParameter(uint id) =>
        _controller == 0 ? double.NaN : ((delegate* unmanaged[Cdecl]<nint, uint, double>)Call.Slot(_controller, 14))(_controller, id);

    public bool CanProcess64Bit() =>
        ((delegate* unmanaged[Cdecl]<nint, int, int>)Call.Slot(_processor, 5))(_processor, ProcessSetup.Sample64) == Vst3Result.Ok;

    public int LatencySamples => (int)((delegate* unmanaged[Cdecl]<nint, uint>)Call.Slot(_processor, 6))(_processor);

    public int TailSamples => (int)((delegate* unmanaged[Cdecl]<nint, uint>)Call.Slot(_processor, 10))(_processor);

    /// <summary>setupProcessing, activate the buses a DAW would use, setActive(true), setProcessing(true).</summary>
    public void Start(double sampleRate, int maxBlock, bool offline)
    {
        if (((delegate* unmanaged[Cdecl]<nint, int, int>)Call.Slot(_processor, 5))(_processor, ProcessSetup.Sample32) != Vst3Result.Ok)
            throw new HostException(_bundle, "IAudioProcessor::canProcessSampleSize", "the plug-in cannot process 32-bit float audio");
        var setup = new ProcessSetup
        {
            ProcessMode = offline ? ProcessSetup.ModeOffline : ProcessSetup.ModeRealtime,
            SymbolicSampleSize = ProcessSetup.Sample32,
            MaxSamplesPerBlock = maxBlock,
            SampleRate = sampleRate,
        };
        Call.Check(_bundle, "IAudioProcessor::setupProcessing", ((delegate* unmanaged[Cdecl]<nint, ProcessSetup*, int>)Call.Slot(_processor, 7))(_processor, &setup));
        foreach (var bus in Buses())
            if (bus.IsMain || bus.DefaultActive) ActivateBus(bus.IsAudio, bus.IsInput, bus.Index, true);
        Call.Check(_bundle, "IComponent::setActive(true)", ((delegate* unmanaged[Cdecl]<nint, byte, int>)Call.Slot(_component, 11))(_component, 1));
        _active = true;
        // kNotImplemented is allowed here: many plug-ins do not care about setProcessing.
        var rc = ((delegate* unmanaged[Cdecl]<nint, byte, int>)Call.Slot(_processor, 8))(_processor, 1);
        if (rc != Vst3Result.Ok && rc != Vst3Result.NotImplemented) Call.Check(_bundle, "IAudioProcessor::setProcessing(true)", rc);
        _processing = true;
    }

    /// <summary>IAudioProcessor::process, called directly (no allocation, no lock): safe on an audio thread.</summary>
    public int Process(ProcessData* data) =>
        ((delegate* unmanaged[Cdecl]<nint, ProcessData*, int>)Call.Slot(_processor, 9))(_processor, data);

    public void Stop()
    {
        if (_processing)
        {
            _processing = false;
            ((delegate* unmanaged[Cdecl]<nint, byte, int>)Call.Slot(_processor, 8))(_processor, 0);
        }
        if (_active)
        {
            _active = false;
            ((delegate* unmanaged[Cdecl]<nint, byte, int>)Call.Slot(_component, 11))(_component, 0);
        }
    }

    /// <summary>Tears down in the SDK's order: stop, disconnect, terminate controller, terminate component, release.</summary>
    public void Dispose()
    {
        if (_component == 0 && _controller == 0) return;
        Stop();
        if (_componentPoint != 0 && _controllerPoint != 0)
        {
            ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_componentPoint, 4))(_componentPoint, _controllerPoint);
            ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controllerPoint, 4))(_controllerPoint, _componentPoint);
        }
        ComPointer.Release(_componentPoint);
        ComPointer.Release(_controllerPoint);
        _componentPoint = _controllerPoint = 0;
        if (_controller != 0)
        {
            ((delegate* unmanaged[Cdecl]<nint, nint, int>)Call.Slot(_controller, 16))(_controller, 0);
            if (!_controllerIsComponent) ((delegate* unmanaged[Cdecl]<nint, int>)Call.Slot(_controller, 4))(_controller);
            ComPointer.Release(_controller);
            _controller = 0;
        }
        ComPointer.Release(_processor);
        _processor = 0;
        if (_component != 0)
        {
            ((delegate* unmanaged[Cdecl]<nint, int>)Call.Slot(_component, 4))(_component);
            ComPointer.Release(_component);
            _component = 0;
        }
        Handler.Release();
        Host.Release();
    }
}
