using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IConnectionPoint vtable: FUnknown, then connect, disconnect, notify.</summary>
public static unsafe class ConnectionPointThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 3);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&Connect;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&Disconnect;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&Notify;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Connect(nint self, nint other)
    {
        try { return other == 0 ? Vst3Result.InvalidArgument : ComObject.From<IConnectionPoint>(self).Connect(other); }
        catch (Exception e) { Vst3Log.Error("connect", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Disconnect(nint self, nint other)
    {
        try { return other == 0 ? Vst3Result.InvalidArgument : ComObject.From<IConnectionPoint>(self).Disconnect(other); }
        catch (Exception e) { Vst3Log.Error("disconnect", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Notify(nint self, nint message)
    {
        try { return message == 0 ? Vst3Result.InvalidArgument : ComObject.From<IConnectionPoint>(self).Notify(message); }
        catch (Exception e) { Vst3Log.Error("notify", e); return Vst3Result.InternalError; }
    }
}
