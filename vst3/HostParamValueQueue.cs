namespace Euterpe.Vst3;

/// <summary>Calls into an IParamValueQueue (ivstparameterchanges.h): getParameterId, getPointCount, getPoint, addPoint.</summary>
public readonly unsafe struct HostParamValueQueue(nint pointer)
{
    public bool IsNull => pointer == 0;

    private nint* Vtable => *(nint**)pointer;

    public uint ParameterId => ((delegate* unmanaged[Cdecl]<nint, uint>)Vtable[3])(pointer);

    public int PointCount => ((delegate* unmanaged[Cdecl]<nint, int>)Vtable[4])(pointer);

    public bool TryGetPoint(int index, out int sampleOffset, out double value)
    {
        int offset = 0;
        double v = 0;
        var result = ((delegate* unmanaged[Cdecl]<nint, int, int*, double*, int>)Vtable[5])(pointer, index, &offset, &v);
        sampleOffset = offset;
        value = v;
        return result == Vst3Result.Ok;
    }

    public int AddPoint(int sampleOffset, double value, out int index)
    {
        int local = 0;
        var result = ((delegate* unmanaged[Cdecl]<nint, int, double, int*, int>)Vtable[6])(pointer, sampleOffset, value, &local);
        index = local;
        return result;
    }
}
