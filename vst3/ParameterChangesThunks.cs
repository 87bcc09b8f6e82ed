using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IParameterChanges vtable: FUnknown, then getParameterCount, getParameterData, addParameterData.</summary>
public static unsafe class ParameterChangesThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 3);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetParameterCount;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int, nint>)&GetParameterData;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, uint*, int*, nint>)&AddParameterData;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetParameterCount(nint self)
    {
        try { return ComObject.From<IParameterChanges>(self).GetParameterCount(); }
        catch (Exception e) { Vst3Log.Error("getParameterCount", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint GetParameterData(nint self, int index)
    {
        try { return ComObject.From<IParameterChanges>(self).GetParameterData(index); }
        catch (Exception e) { Vst3Log.Error("getParameterData", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint AddParameterData(nint self, uint* id, int* index)
    {
        try { return id == null || index == null ? 0 : ComObject.From<IParameterChanges>(self).AddParameterData(id, index); }
        catch (Exception e) { Vst3Log.Error("addParameterData", e); return 0; }
    }
}
