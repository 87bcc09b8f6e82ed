using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IPluginFactory slots 3..6: getFactoryInfo, countClasses, getClassInfo, createInstance.</summary>
public static unsafe class PluginFactoryThunks
{
    public const int SlotCount = VtableBuilder.FUnknownSlots + 4;

    public static void Fill(nint* table)
    {
        table[3] = (nint)(delegate* unmanaged[Cdecl]<nint, PFactoryInfo*, int>)&GetFactoryInfo;
        table[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&CountClasses;
        table[5] = (nint)(delegate* unmanaged[Cdecl]<nint, int, PClassInfo*, int>)&GetClassInfo;
        table[6] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)&CreateInstance;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetFactoryInfo(nint self, PFactoryInfo* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : ComObject.From<IPluginFactory>(self).GetFactoryInfo(info); }
        catch (Exception e) { Vst3Log.Error("getFactoryInfo", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CountClasses(nint self)
    {
        try { return ComObject.From<IPluginFactory>(self).CountClasses(); }
        catch (Exception e) { Vst3Log.Error("countClasses", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetClassInfo(nint self, int index, PClassInfo* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : ComObject.From<IPluginFactory>(self).GetClassInfo(index, info); }
        catch (Exception e) { Vst3Log.Error("getClassInfo", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CreateInstance(nint self, byte* cid, byte* iid, nint* result)
    {
        try
        {
            if (result == null) return Vst3Result.InvalidArgument;
            *result = 0;
            return cid == null || iid == null
                ? Vst3Result.InvalidArgument
                : ComObject.From<IPluginFactory>(self).CreateInstance(cid, iid, result);
        }
        catch (Exception e) { Vst3Log.Error("createInstance", e); return Vst3Result.InternalError; }
    }
}
