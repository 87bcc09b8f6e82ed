using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IComponent vtable: FUnknown, IPluginBase, then slots 5..13.</summary>
public static unsafe class ComponentThunks
{
    public const int SlotCount = PluginBaseThunks.SlotCount + 9;

    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(SlotCount);
        PluginBaseThunks.Fill(t);
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, int>)&GetControllerClassId;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int>)&SetIoMode;
        t[7] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, int>)&GetBusCount;
        t[8] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, int, BusInfo*, int>)&GetBusInfo;
        t[9] = (nint)(delegate* unmanaged[Cdecl]<nint, RoutingInfo*, RoutingInfo*, int>)&GetRoutingInfo;
        t[10] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int, int, byte, int>)&ActivateBus;
        t[11] = (nint)(delegate* unmanaged[Cdecl]<nint, byte, int>)&SetActive;
        t[12] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&SetState;
        t[13] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&GetState;
        return (nint)t;
    }

    private static IComponent Target(nint self) => ComObject.From<IComponent>(self);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetControllerClassId(nint self, byte* classId)
    {
        try { return classId == null ? Vst3Result.InvalidArgument : Target(self).GetControllerClassId(classId); }
        catch (Exception e) { Vst3Log.Error("getControllerClassId", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetIoMode(nint self, int mode)
    {
        try { return Target(self).SetIoMode(mode); }
        catch (Exception e) { Vst3Log.Error("setIoMode", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetBusCount(nint self, int type, int direction)
    {
        try { return Target(self).GetBusCount(type, direction); }
        catch (Exception e) { Vst3Log.Error("getBusCount", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetBusInfo(nint self, int type, int direction, int index, BusInfo* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : Target(self).GetBusInfo(type, direction, index, info); }
        catch (Exception e) { Vst3Log.Error("getBusInfo", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetRoutingInfo(nint self, RoutingInfo* inInfo, RoutingInfo* outInfo)
    {
        try { return inInfo == null || outInfo == null ? Vst3Result.InvalidArgument : Target(self).GetRoutingInfo(inInfo, outInfo); }
        catch (Exception e) { Vst3Log.Error("getRoutingInfo", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ActivateBus(nint self, int type, int direction, int index, byte state)
    {
        try { return Target(self).ActivateBus(type, direction, index, state != 0); }
        catch (Exception e) { Vst3Log.Error("activateBus", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetActive(nint self, byte state)
    {
        try { return Target(self).SetActive(state != 0); }
        catch (Exception e) { Vst3Log.Error("setActive", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetState(nint self, nint stream)
    {
        try { return stream == 0 ? Vst3Result.InvalidArgument : Target(self).SetState(new HostStream(stream)); }
        catch (Exception e) { Vst3Log.Error("setState", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetState(nint self, nint stream)
    {
        try { return stream == 0 ? Vst3Result.InvalidArgument : Target(self).GetState(new HostStream(stream)); }
        catch (Exception e) { Vst3Log.Error("getState", e); return Vst3Result.InternalError; }
    }
}
