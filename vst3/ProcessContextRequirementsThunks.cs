using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IProcessContextRequirements vtable: FUnknown, then getProcessContextRequirements.</summary>
public static unsafe class ProcessContextRequirementsThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 1);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, uint>)&GetRequirements;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint GetRequirements(nint self)
    {
        try { return ComObject.From<IProcessContextRequirements>(self).GetProcessContextRequirements(); }
        catch (Exception e) { Vst3Log.Error("getProcessContextRequirements", e); return 0; }
    }
}
