using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>Two one-method vtables: IEventHandler (FUnknown, onFDIsSet) and ITimerHandler (FUnknown, onTimer).</summary>
public static unsafe class RunLoopHandlerThunks
{
    public static readonly nint EventHandlerVtable = CreateEventHandler();

    public static readonly nint TimerHandlerVtable = CreateTimerHandler();

    private static nint CreateEventHandler()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 1);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, int, void>)&OnFdIsSet;
        return (nint)t;
    }

    private static nint CreateTimerHandler()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 1);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, void>)&OnTimer;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnFdIsSet(nint self, int fd)
    {
        try { ComObject.From<IRunLoopHandler>(self).OnFdIsSet(fd); }
        catch (Exception e) { Vst3Log.Error("onFDIsSet", e); }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnTimer(nint self)
    {
        try { ComObject.From<IRunLoopHandler>(self).OnTimer(); }
        catch (Exception e) { Vst3Log.Error("onTimer", e); }
    }
}
