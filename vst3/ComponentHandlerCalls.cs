namespace Euterpe.Vst3;

/// <summary>Calls into the host's IComponentHandler (vtable: FUnknown, beginEdit, performEdit, endEdit, restartComponent).</summary>
public static unsafe class ComponentHandlerCalls
{
    private const int RestartComponentSlot = 6;

    /// <summary>Asks the host to re-read what <paramref name="flags"/> name; a null handler (no host yet) is a no-op.</summary>
    public static int RestartComponent(nint handler, int flags)
    {
        if (handler == 0) return Vst3Result.NotInitialized;
        var vtable = *(nint**)handler;
        return ((delegate* unmanaged[Cdecl]<nint, int, int>)vtable[RestartComponentSlot])(handler, flags);
    }
}
