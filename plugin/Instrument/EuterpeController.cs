using System.Globalization;
using Euterpe.Plugin.Editor;
using Euterpe.Plugin.Generation;
using Euterpe.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// Euterpe's edit controller (a separate class, as VST3 recommends): publishes parameters with units
/// and value strings, mirrors the component state, maps MIDI CC 7 to output gain, and has one root unit.
/// The Status value string is the component's status text, asked for through the connection (<see cref="StatusMessage"/>).
/// createView("editor") gives Euterpe's own editor (<see cref="EditorView"/>), which edits through this controller.
/// </summary>
public sealed unsafe class EuterpeController : ComObject, IEditController, IConnectionPoint, IMidiMapping, IUnitInfo, IEditorModel
{
    private const short ControllerVolume = 7;

    private readonly double[] _values = InstrumentParameters.Defaults();
    private nint _handler;
    private nint _peer;
    private nint _context;
    private string? _statusText;
    private long _feed;
    private int _feedAsks;

    public EuterpeController() : base([EditControllerThunks.Vtable, ConnectionPointThunks.Vtable, MidiMappingThunks.Vtable, UnitInfoThunks.Vtable])
    {
    }

    protected override int SlotOf(in Tuid iid)
    {
        if (iid.Matches(Vst3Iids.IEditController) || iid.Matches(Vst3Iids.IPluginBase)) return 0;
        if (iid.Matches(Vst3Iids.IConnectionPoint)) return 1;
        if (iid.Matches(Vst3Iids.IMidiMapping)) return 2;
        if (iid.Matches(Vst3Iids.IUnitInfo)) return 3;
        return -1;
    }

    protected override void OnFinalRelease() => Terminate();

    // The host's context makes the messages status requests travel in.
    public int Initialize(nint context)
    {
        ComPointer.Exchange(ref _context, context);
        return Vst3Result.Ok;
    }

    public int Terminate()
    {
        ComPointer.Exchange(ref _handler, 0);
        ComPointer.Exchange(ref _peer, 0);
        ComPointer.Exchange(ref _context, 0);
        return Vst3Result.Ok;
    }

    public int SetComponentState(HostStream state)
    {
        Span<double> loaded = stackalloc double[_values.Length];
        _values.CopyTo(loaded);
        if (!ParameterStateFormat.Read(state, loaded, out var preset)) return Vst3Result.False;
        ParameterStateFormat.ResolveModel(preset, loaded);
        var modelBefore = ModelSlot();
        loaded.CopyTo(_values);
        ReportModelChange(modelBefore);
        return Vst3Result.Ok;
    }

    // Everything the controller knows lives in the component state.
    public int SetState(HostStream state) => Vst3Result.Ok;

    public int GetState(HostStream state) => Vst3Result.Ok;

    public int GetParameterCount() => InstrumentParameters.All.Length;

    public int GetParameterInfo(int index, ParameterInfo* info)
    {
        if ((uint)index >= (uint)InstrumentParameters.All.Length) return Vst3Result.InvalidArgument;
        var definition = InstrumentParameters.All[index];
        *info = default;
        info->Id = definition.Id;
        var (title, shortTitle, units, defaultNormalized) = (definition.Title, definition.ShortTitle, definition.Units, definition.DefaultNormalized);
        if (ConditionOf(definition.Id) is { } condition)
        {
            // Titled after the loaded manifest's conditioning input; the value maps onto its range.
            title = shortTitle = condition.DisplayName;
            units = condition.Unit;
            defaultNormalized = (condition.Default - condition.Min) / (condition.Max - condition.Min);
        }
        Vst3Strings.WriteUtf16(title, info->Title, 128);
        Vst3Strings.WriteUtf16(shortTitle, info->ShortTitle, 128);
        Vst3Strings.WriteUtf16(units, info->Units, 128);
        info->StepCount = definition.StepCount;
        info->DefaultNormalizedValue = defaultNormalized;
        info->UnitId = UnitInfo.RootUnitId;
        info->Flags = (definition.IsReadOnly ? ParameterInfo.FlagIsReadOnly : ParameterInfo.FlagCanAutomate)
            | (definition.IsBypass ? ParameterInfo.FlagIsBypass : 0)
            | (definition.Labels is not null || definition.IsList ? ParameterInfo.FlagIsList : 0);
        return Vst3Result.Ok;
    }

    public int GetParamStringByValue(uint id, double normalized, char* text)
    {
        var definition = InstrumentParameters.Find(id);
        if (definition is null) return Vst3Result.InvalidArgument;
        Vst3Strings.WriteUtf16(ValueString(definition, normalized), text, 128);
        return Vst3Result.Ok;
    }

    public int GetParamValueByString(uint id, char* text, double* normalized)
    {
        var definition = InstrumentParameters.Find(id);
        if (definition is null) return Vst3Result.InvalidArgument;
        if (definition.Id == ParameterId.Model && ModelSlotByName(Vst3Strings.ReadUtf16(text, 128)) is { } slot)
        {
            *normalized = definition.ToNormalized(slot);
            return Vst3Result.Ok;
        }
        if (!definition.TryParse(Vst3Strings.ReadUtf16(text, 128), out var value)) return Vst3Result.False;
        *normalized = value;
        return Vst3Result.Ok;
    }

    public double NormalizedParamToPlain(uint id, double normalized) =>
        InstrumentParameters.Find(id)?.ToPlain(normalized) ?? normalized;

    public double PlainParamToNormalized(uint id, double plain) =>
        InstrumentParameters.Find(id)?.ToNormalized(plain) ?? plain;

    public double GetParamNormalized(uint id)
    {
        var index = InstrumentParameters.IndexOf(id);
        return index < 0 ? 0 : _values[index];
    }

    public int SetParamNormalized(uint id, double normalized)
    {
        var index = InstrumentParameters.IndexOf(id);
        if (index < 0 || !double.IsFinite(normalized)) return Vst3Result.InvalidArgument;
        var modelBefore = ModelSlot();
        _values[index] = Math.Clamp(normalized, 0, 1);
        ReportModelChange(modelBefore);
        return Vst3Result.Ok;
    }

    private int ModelSlot()
    {
        var index = InstrumentParameters.IndexOf(ParameterId.Model);
        return (int)InstrumentParameters.All[index].ToPlain(_values[index]);
    }

    /// <summary>
    /// Another model brings other conditioning inputs: the Condition parameters' titles, units and defaults change,
    /// so the host must re-read them (a DAW otherwise keeps showing the old model's names).
    /// </summary>
    private void ReportModelChange(int slotBefore)
    {
        if (ModelSlot() != slotBefore)
            ComponentHandlerCalls.RestartComponent(_handler, RestartFlags.ParamTitlesChanged | RestartFlags.ParamValuesChanged);
    }

    public int SetComponentHandler(nint handler)
    {
        ComPointer.Exchange(ref _handler, handler);
        return Vst3Result.Ok;
    }

    /// <summary>The editor for "editor" (the only view type VST3 names); the host owns the reference it gets.</summary>
    public nint CreateView(byte* name)
    {
        if (name == null || !System.Runtime.InteropServices.MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name).SequenceEqual("editor"u8)) return 0;
        var view = new EditorView(this);
        return view.InterfacePointer();
    }

    // IEditorModel: the editor's edits go through the host as a DAW's own knobs would (begin, perform, end).
    public double Value(uint id) => GetParamNormalized(id);

    public string Text(ParameterDefinition definition, double normalized) => ValueString(definition, normalized);

    public string Title(uint id) => ConditionOf(id)?.DisplayName ?? InstrumentParameters.Find(id)?.ShortTitle ?? "";

    public void BeginEdit(uint id) => ComponentHandlerCalls.BeginEdit(_handler, id);

    public void PerformEdit(uint id, double normalized)
    {
        SetParamNormalized(id, normalized);
        ComponentHandlerCalls.PerformEdit(_handler, id, GetParamNormalized(id));
    }

    public void EndEdit(uint id) => ComponentHandlerCalls.EndEdit(_handler, id);

    /// <summary>
    /// The component's link, found through the number its status reply carries. Until one is heard the editor asks
    /// again about once a second (a frame is 33 ms), never on every frame.
    /// </summary>
    public GenerationLink? Feed()
    {
        if (_feed != 0 && EditorFeeds.Find(_feed) is { } link) return link;
        if (_feedAsks++ % 30 == 0) StatusMessage.SendRequest(_context, _peer);
        return _feed != 0 ? EditorFeeds.Find(_feed) : null;
    }

    // IConnectionPoint: the peer is the component, or the host's proxy of it.
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

    /// <summary>The component's answer to a status request: kept for the Status value string.</summary>
    public int Notify(nint message)
    {
        if (StatusMessage.TryReadReply(message, out var text, out var feed))
        {
            _statusText = text;
            if (feed != 0) _feed = feed;
        }
        return Vst3Result.Ok;
    }

    public int GetMidiControllerAssignment(int busIndex, short channel, short controller, out uint id)
    {
        id = ParameterId.OutputGain;
        return busIndex == 0 && controller == ControllerVolume ? Vst3Result.True : Vst3Result.False;
    }

    public int GetUnitCount() => 1;

    public int GetUnitInfo(int index, UnitInfo* info)
    {
        if (index != 0) return Vst3Result.InvalidArgument;
        *info = default;
        info->Id = UnitInfo.RootUnitId;
        info->ParentUnitId = UnitInfo.NoParentUnitId;
        info->ProgramListId = UnitInfo.NoProgramListId;
        Vst3Strings.WriteUtf16("Root", info->Name, 128);
        return Vst3Result.Ok;
    }

    public int GetSelectedUnit() => UnitInfo.RootUnitId;

    public int SelectUnit(int unitId) => unitId == UnitInfo.RootUnitId ? Vst3Result.Ok : Vst3Result.InvalidArgument;

    public int GetUnitByBus(int type, int direction, int busIndex, int channel, int* unitId)
    {
        *unitId = UnitInfo.RootUnitId;
        return Vst3Result.Ok;
    }

    /// <summary>
    /// The text a value shows: preset names, the status line, conditioning values in the manifest's unit. The status
    /// line is asked of the component each time (its reply arrives before the request returns); without an answer
    /// (no connection, or a host that makes no messages) it is the last one heard, else the state's name.
    /// </summary>
    public string ValueString(ParameterDefinition definition, double normalized)
    {
        if (definition.Id == ParameterId.Model) return PresetCatalog.Shared.LabelOf((int)definition.ToPlain(normalized));
        if (definition.Id == ParameterId.Status)
        {
            StatusMessage.SendRequest(_context, _peer);
            return _statusText ?? definition.Format(normalized);
        }
        if (ConditionOf(definition.Id) is { } c)
        {
            var plain = c.Min + Math.Clamp(normalized, 0, 1) * (c.Max - c.Min);
            return plain.ToString("0.00", CultureInfo.InvariantCulture) + (c.Unit.Length > 0 ? " " + c.Unit : "");
        }
        return definition.Format(normalized);
    }

    /// <summary>The conditioning input a condition slot drives for the model chosen now, if any.</summary>
    private Core.Presets.ConditioningInput? ConditionOf(uint id)
    {
        if (id < ParameterId.Condition1 || id >= ParameterId.Condition1 + ParameterId.ConditionSlots) return null;
        var model = InstrumentParameters.All[InstrumentParameters.IndexOf(ParameterId.Model)];
        var entry = PresetCatalog.Shared.AtSlot((int)model.ToPlain(_values[InstrumentParameters.IndexOf(ParameterId.Model)]));
        var i = (int)(id - ParameterId.Condition1);
        return entry is not null && i < entry.Conditioning.Count ? entry.Conditioning[i] : null;
    }

    private static int? ModelSlotByName(string text)
    {
        var name = text.Trim();
        var catalog = PresetCatalog.Shared;
        for (var slot = 0; slot <= catalog.Entries.Count; slot++)
            if (string.Equals(catalog.LabelOf(slot), name, StringComparison.OrdinalIgnoreCase)) return slot;
        // Users also type the preset's id (its folder name), as `generate` and the docs name presets.
        for (var slot = 1; slot <= catalog.Entries.Count; slot++)
            if (string.Equals(catalog.AtSlot(slot)!.Id, name, StringComparison.OrdinalIgnoreCase)) return slot;
        return null;
    }
}
