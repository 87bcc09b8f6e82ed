using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IBStream vtable: FUnknown, then read, write, seek, tell.</summary>
public static unsafe class BStreamThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 4);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, int, int*, int>)&Read;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, int, int*, int>)&Write;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, long, int, long*, int>)&Seek;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, long*, int>)&Tell;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Read(nint self, byte* buffer, int count, int* read)
    {
        try { return buffer == null && count > 0 ? Vst3Result.InvalidArgument : ComObject.From<IBStream>(self).Read(buffer, count, read); }
        catch (Exception e) { Vst3Log.Error("IBStream.read", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Write(nint self, byte* buffer, int count, int* written)
    {
        try { return buffer == null && count > 0 ? Vst3Result.InvalidArgument : ComObject.From<IBStream>(self).Write(buffer, count, written); }
        catch (Exception e) { Vst3Log.Error("IBStream.write", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Seek(nint self, long position, int mode, long* result)
    {
        try { return ComObject.From<IBStream>(self).Seek(position, mode, result); }
        catch (Exception e) { Vst3Log.Error("IBStream.seek", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Tell(nint self, long* position)
    {
        try { return position == null ? Vst3Result.InvalidArgument : ComObject.From<IBStream>(self).Tell(position); }
        catch (Exception e) { Vst3Log.Error("IBStream.tell", e); return Vst3Result.InternalError; }
    }
}
