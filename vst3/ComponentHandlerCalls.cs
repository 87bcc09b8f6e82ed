namespace Euterpe.Vst3;

/// <summary>Calls into the host's IComponentHandler (vtable: FUnknown, beginEdit, performEdit, endEdit, restartComponent).</summary>
public static unsafe class ComponentHandlerCalls
{
    private const int BeginEditSlot = 3, PerformEditSlot = 4, EndEditSlot = 5, RestartComponentSlot = 6;

    /// <summary>Asks the host to re-read what <paramref name="flags"/> name; a null handler (no host yet) is a no-op.</summary>
    public static int RestartComponent(nint handler, int flags)
    {
        if (handler == 0) return Vst3Result.NotInitialized;
        var vtable = *(nint**)handler;
        return ((delegate* unmanaged[Cdecl]<nint, int, int>)vtable[RestartComponentSlot])(handler, flags);
    }

    /// <summary>A gesture on <paramref name="id"/> starts (the user grabbed a knob): the host opens an automation write.</summary>
    public static int BeginEdit(nint handler, uint id) =>
        handler == 0 ? Vst3Result.NotInitialized : ((delegate* unmanaged[Cdecl]<nint, uint, int>)(*(nint**)handler)[BeginEditSlot])(handler, id);

    /// <summary>The editor changed <paramref name="id"/> to <paramref name="normalized"/>: the host passes it to the processor.</summary>
    public static int PerformEdit(nint handler, uint id, double normalized) =>
        handler == 0 ? Vst3Result.NotInitialized : ((delegate* unmanaged[Cdecl]<nint, uint, double, int>)(*(nint**)handler)[PerformEditSlot])(handler, id, normalized);

    public static int EndEdit(nint handler, uint id) =>
        handler == 0 ? Vst3Result.NotInitialized : ((delegate* unmanaged[Cdecl]<nint, uint, int>)(*(nint**)handler)[EndEditSlot])(handler, id);
}
