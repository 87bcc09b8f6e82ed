namespace Euterpe.Vst3;

/// <summary>addRef/release on any FUnknown pointer (ours or the host's).</summary>
public static unsafe class ComPointer
{
    public static uint AddRef(nint pointer) =>
        pointer == 0 ? 0 : ((delegate* unmanaged[Cdecl]<nint, uint>)(*(nint**)pointer)[1])(pointer);

    public static uint Release(nint pointer) =>
        pointer == 0 ? 0 : ((delegate* unmanaged[Cdecl]<nint, uint>)(*(nint**)pointer)[2])(pointer);

    /// <summary>
    /// Makes <paramref name="held"/> hold <paramref name="value"/> (0: nothing): the new one gains a reference before the
    /// old one loses its own, so exchanging an object for itself never frees it in between.
    /// </summary>
    public static void Exchange(ref nint held, nint value)
    {
        AddRef(value);
        var old = held;
        held = value;
        Release(old);
    }

    /// <summary>queryInterface; returns the new reference or 0.</summary>
    public static nint Query(nint pointer, in Tuid iid)
    {
        if (pointer == 0) return 0;
        nint result = 0;
        var copy = iid;
        var bytes = (byte*)&copy;
        var rc = ((delegate* unmanaged[Cdecl]<nint, byte*, nint*, int>)(*(nint**)pointer)[0])(pointer, bytes, &result);
        return rc == Vst3Result.Ok ? result : 0;
    }
}
