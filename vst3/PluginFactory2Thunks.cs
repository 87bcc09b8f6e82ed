using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IPluginFactory2 slot 7: getClassInfo2.</summary>
public static unsafe class PluginFactory2Thunks
{
    public const int SlotCount = PluginFactoryThunks.SlotCount + 1;

    public static void Fill(nint* table)
    {
        PluginFactoryThunks.Fill(table);
        table[7] = (nint)(delegate* unmanaged[Cdecl]<nint, int, PClassInfo2*, int>)&GetClassInfo2;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetClassInfo2(nint self, int index, PClassInfo2* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : ComObject.From<IPluginFactory2>(self).GetClassInfo2(index, info); }
        catch (Exception e) { Vst3Log.Error("getClassInfo2", e); return Vst3Result.InternalError; }
    }
}
