using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IEventList vtable: FUnknown, then getEventCount, getEvent, addEvent.</summary>
public static unsafe class EventListThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 3);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetEventCount;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int, Vst3Event*, int>)&GetEvent;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, Vst3Event*, int>)&AddEvent;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetEventCount(nint self)
    {
        try { return ComObject.From<IEventList>(self).GetEventCount(); }
        catch (Exception e) { Vst3Log.Error("getEventCount", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetEvent(nint self, int index, Vst3Event* e)
    {
        try { return e == null ? Vst3Result.InvalidArgument : ComObject.From<IEventList>(self).GetEvent(index, e); }
        catch (Exception ex) { Vst3Log.Error("getEvent", ex); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int AddEvent(nint self, Vst3Event* e)
    {
        try { return e == null ? Vst3Result.InvalidArgument : ComObject.From<IEventList>(self).AddEvent(e); }
        catch (Exception ex) { Vst3Log.Error("addEvent", ex); return Vst3Result.InternalError; }
    }
}
