using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>FUnknown: queryInterface, addRef, release — the first three slots of every vtable.</summary>
public static unsafe class FUnknownThunks
{
    public static void Fill(nint* table)
    {
        table[0] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, nint*, int>)&QueryInterface;
        table[1] = (nint)(delegate* unmanaged[Cdecl]<nint, uint>)&AddRef;
        table[2] = (nint)(delegate* unmanaged[Cdecl]<nint, uint>)&Release;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int QueryInterface(nint self, byte* iid, nint* result)
    {
        try { return ComObject.From<ComObject>(self).QueryInterface(iid, result); }
        catch (Exception e) { Vst3Log.Error("queryInterface", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint AddRef(nint self)
    {
        try { return ComObject.From<ComObject>(self).AddRef(); }
        catch (Exception e) { Vst3Log.Error("addRef", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint Release(nint self)
    {
        try { return ComObject.From<ComObject>(self).Release(); }
        catch (Exception e) { Vst3Log.Error("release", e); return 0; }
    }
}
