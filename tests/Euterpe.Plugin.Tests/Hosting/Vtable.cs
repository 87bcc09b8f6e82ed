using Euterpe.Vst3;

namespace Euterpe.Plugin.Tests.Hosting;

/// <summary>Raw vtable calls, exactly as a C++ host makes them: slot N of *(void***)object.</summary>
internal static unsafe class Vtable
{
    public static nint Slot(nint obj, int slot) => (*(nint**)obj)[slot];

    public static nint Query(nint obj, in Tuid iid) => ComPointer.Query(obj, iid);

    public static int QueryResult(nint obj, in Tuid iid, out nint result)
    {
        nint local = 0;
        var copy = iid;
        var rc = ((delegate* unmanaged[Cdecl]<nint, byte*, nint*, int>)Slot(obj, 0))(obj, (byte*)&copy, &local);
        result = local;
        return rc;
    }

    public static uint AddRef(nint obj) => ((delegate* unmanaged[Cdecl]<nint, uint>)Slot(obj, 1))(obj);

    public static uint Release(nint obj) => ((delegate* unmanaged[Cdecl]<nint, uint>)Slot(obj, 2))(obj);

    public static int CallInt(nint obj, int slot) => ((delegate* unmanaged[Cdecl]<nint, int>)Slot(obj, slot))(obj);

    public static int CallInt(nint obj, int slot, nint a) => ((delegate* unmanaged[Cdecl]<nint, nint, int>)Slot(obj, slot))(obj, a);

    public static int CallInt(nint obj, int slot, int a, nint b) => ((delegate* unmanaged[Cdecl]<nint, int, nint, int>)Slot(obj, slot))(obj, a, b);

    public static int CallBool(nint obj, int slot, bool state) => ((delegate* unmanaged[Cdecl]<nint, byte, int>)Slot(obj, slot))(obj, state ? (byte)1 : (byte)0);
}
