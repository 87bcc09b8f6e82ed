using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IPluginFactory3 slots 8..9: getClassInfoUnicode, setHostContext.</summary>
public static unsafe class PluginFactory3Thunks
{
    public const int SlotCount = PluginFactory2Thunks.SlotCount + 2;

    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var table = VtableBuilder.Create(SlotCount);
        PluginFactory2Thunks.Fill(table);
        table[8] = (nint)(delegate* unmanaged[Cdecl]<nint, int, PClassInfoW*, int>)&GetClassInfoUnicode;
        table[9] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&SetHostContext;
        return (nint)table;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetClassInfoUnicode(nint self, int index, PClassInfoW* info)
    {
        try { return info == null ? Vst3Result.InvalidArgument : ComObject.From<IPluginFactory3>(self).GetClassInfoUnicode(index, info); }
        catch (Exception e) { Vst3Log.Error("getClassInfoUnicode", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetHostContext(nint self, nint context)
    {
        try { return ComObject.From<IPluginFactory3>(self).SetHostContext(context); }
        catch (Exception e) { Vst3Log.Error("setHostContext", e); return Vst3Result.InternalError; }
    }
}
