using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IPluginBase slots 3..4: initialize, terminate (shared by IComponent and IEditController).</summary>
public static unsafe class PluginBaseThunks
{
    public const int SlotCount = VtableBuilder.FUnknownSlots + 2;

    public static void Fill(nint* table)
    {
        table[3] = (nint)(delegate* unmanaged[Cdecl]<nint, nint, int>)&Initialize;
        table[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&Terminate;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Initialize(nint self, nint context)
    {
        try { return ComObject.From<IPluginBase>(self).Initialize(context); }
        catch (Exception e) { Vst3Log.Error("initialize", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Terminate(nint self)
    {
        try { return ComObject.From<IPluginBase>(self).Terminate(); }
        catch (Exception e) { Vst3Log.Error("terminate", e); return Vst3Result.InternalError; }
    }
}
