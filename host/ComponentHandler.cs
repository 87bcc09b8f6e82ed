using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// IComponentHandler: the controller tells the host about edits. We record every call, and keep the
/// performEdit values pending so the host forwards them to the processor in the next block, as a DAW does.
/// Called on the host's own (non-audio) thread; the lock is ours, never held across a plug-in call.
/// </summary>
public sealed unsafe class ComponentHandler : ComObject
{
    private static readonly nint Vtable = CreateVtable();
    private readonly Lock _gate = new();
    private readonly List<ComponentEdit> _edits = [];
    private readonly List<(uint Id, double Value)> _pending = [];

    public ComponentHandler() : base([Vtable])
    {
    }

    public IReadOnlyList<ComponentEdit> Edits
    {
        get { lock (_gate) return _edits.ToArray(); }
    }

    /// <summary>Moves performEdit values not yet sent to the processor into <paramref name="into"/>.</summary>
    public void DrainPending(List<(uint Id, double Value)> into)
    {
        lock (_gate)
        {
            into.AddRange(_pending);
            _pending.Clear();
        }
    }

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IComponentHandler) ? 0 : -1;

    private int Record(ComponentEdit edit)
    {
        lock (_gate)
        {
            if (_edits.Count < 100_000) _edits.Add(edit);
            if (edit.Kind == ComponentEditKind.PerformEdit) _pending.Add((edit.ParameterId, edit.Value));
        }
        return Vst3Result.Ok;
    }

    private static nint CreateVtable()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 4);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, int>)&BeginEdit;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, double, int>)&PerformEdit;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, int>)&EndEdit;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int>)&RestartComponent;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int BeginEdit(nint self, uint id) => From<ComponentHandler>(self).Record(new(ComponentEditKind.BeginEdit, id, 0, 0));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int PerformEdit(nint self, uint id, double value) => From<ComponentHandler>(self).Record(new(ComponentEditKind.PerformEdit, id, value, 0));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int EndEdit(nint self, uint id) => From<ComponentHandler>(self).Record(new(ComponentEditKind.EndEdit, id, 0, 0));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int RestartComponent(nint self, int flags) => From<ComponentHandler>(self).Record(new(ComponentEditKind.RestartComponent, 0, 0, flags));
}
