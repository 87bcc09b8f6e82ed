using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IParamValueQueue vtable: FUnknown, then getParameterId, getPointCount, getPoint, addPoint.</summary>
public static unsafe class ParamValueQueueThunks
{
    public static readonly nint Vtable = Create();

    private static nint Create()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 4);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, uint>)&GetParameterId;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&GetPointCount;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, int, int*, double*, int>)&GetPoint;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, int, double, int*, int>)&AddPoint;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint GetParameterId(nint self)
    {
        try { return ComObject.From<IParamValueQueue>(self).GetParameterId(); }
        catch (Exception e) { Vst3Log.Error("getParameterId", e); return uint.MaxValue; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetPointCount(nint self)
    {
        try { return ComObject.From<IParamValueQueue>(self).GetPointCount(); }
        catch (Exception e) { Vst3Log.Error("getPointCount", e); return 0; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetPoint(nint self, int index, int* sampleOffset, double* value)
    {
        try { return sampleOffset == null || value == null ? Vst3Result.InvalidArgument : ComObject.From<IParamValueQueue>(self).GetPoint(index, sampleOffset, value); }
        catch (Exception e) { Vst3Log.Error("getPoint", e); return Vst3Result.InternalError; }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int AddPoint(nint self, int sampleOffset, double value, int* index)
    {
        try { return index == null ? Vst3Result.InvalidArgument : ComObject.From<IParamValueQueue>(self).AddPoint(sampleOffset, value, index); }
        catch (Exception e) { Vst3Log.Error("addPoint", e); return Vst3Result.InternalError; }
    }
}
