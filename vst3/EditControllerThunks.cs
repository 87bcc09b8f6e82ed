using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IEditController vtable: FUnknown, IPluginBase, then slots 5..17.</summary>
public static unsafe class EditControllerThunks
{
    public const int SlotCount = PluginBaseThunks.SlotCount + 13;

    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(SlotCount);
        PluginBaseThunks.Fill(t);
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&SetComponentState;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&SetState;
        t[7] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&GetState;
        t[8] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetParameterCount;
        t[9] = (nint)(delegate* unmanaged[Cdecl]<nint, int, ParameterInfo*, int>)&GetParameterInfo;
        t[10] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, double, char*, int>)&GetParamStringByValue;
        t[11] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, char*, double*, int>)&GetParamValueByString;
        t[12] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, double, double>)&NormalizedParamToPlain;
        t[13] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, double, double>)&PlainParamToNormalized;
        t[14] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, double>)&GetParamNormalized;
        t[15] = (nint)(delegate* unmanaged[Cdecl]<nint, uint, double, int>)&SetParamNormalized;
        t[16] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&SetComponentHandler;
        t[17] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, nint>)&CreateView;
        return (nint)t;
    }

    private static IEditController Target(nint self) => ComObject.From<IEditController>(self);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetComponentState(nint self, nint stream)
    {
        try { return stream == 0 ? Vst3Result.InvalidArgument : Target(self).SetComponentState(new HostStream(stream)); }
        catch (Exception e) { Vst3Log.Error("setComponentState", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetState(nint self, nint stream)
    {
        try { return stream == 0 ? Vst3Result.InvalidArgument : Target(self).SetState(new HostStream(stream)); }
        catch (Exception e) { Vst3Log.Error("controller setState", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetState(nint self, nint stream)
    {
        try { return stream == 0 ? Vst3Result.InvalidArgument : Target(self).GetState(new HostStream(stream)); }
        catch (Exception e) { Vst3Log.Error("controller getState", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetParameterCount(nint self)
    {
        try { return Target(self).GetParameterCount(); }
        catch (Exception e) { Vst3Log.Error("getParameterCount", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetParameterInfo(nint self, int index, ParameterInfo* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : Target(self).GetParameterInfo(index, info); }
        catch (Exception e) { Vst3Log.Error("getParameterInfo", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetParamStringByValue(nint self, uint id, double normalized, char* text)
    {
        try { return text == null ? Vst3Result.InvalidArgument : Target(self).GetParamStringByValue(id, normalized, text); }
        catch (Exception e) { Vst3Log.Error("getParamStringByValue", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetParamValueByString(nint self, uint id, char* text, double* normalized)
    {
        try { return text == null || normalized == null ? Vst3Result.InvalidArgument : Target(self).GetParamValueByString(id, text, normalized); }
        catch (Exception e) { Vst3Log.Error("getParamValueByString", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static double NormalizedParamToPlain(nint self, uint id, double normalized)
    {
        try { return Target(self).NormalizedParamToPlain(id, normalized); }
        catch (Exception e) { Vst3Log.Error("normalizedParamToPlain", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static double PlainParamToNormalized(nint self, uint id, double plain)
    {
        try { return Target(self).PlainParamToNormalized(id, plain); }
        catch (Exception e) { Vst3Log.Error("plainParamToNormalized", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static double GetParamNormalized(nint self, uint id)
    {
        try { return Target(self).GetParamNormalized(id); }
        catch (Exception e) { Vst3Log.Error("getParamNormalized", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetParamNormalized(nint self, uint id, double normalized)
    {
        try { return Target(self).SetParamNormalized(id, normalized); }
        catch (Exception e) { Vst3Log.Error("setParamNormalized", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetComponentHandler(nint self, nint handler)
    {
        try { return Target(self).SetComponentHandler(handler); }
        catch (Exception e) { Vst3Log.Error("setComponentHandler", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint CreateView(nint self, byte* name)
    {
        try { return Target(self).CreateView(name); }
        catch (Exception e) { Vst3Log.Error("createView", e); return 0; }
    }
}
