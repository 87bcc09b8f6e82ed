namespace Euterpe.Vst3;

/// <summary>Calls into an IParameterChanges (ivstparameterchanges.h): getParameterCount, getParameterData, addParameterData.</summary>
public readonly unsafe struct HostParameterChanges(nint pointer)
{
    public bool IsNull => pointer == 0;

    private nint* Vtable => *(nint**)pointer;

    public int Count => ((delegate* unmanaged[Cdecl]<nint, int>)Vtable[3])(pointer);

    public HostParamValueQueue Get(int index) =>
        new(((delegate* unmanaged[Cdecl]<nint, int, nint>)Vtable[4])(pointer, index));

    public HostParamValueQueue Add(uint id, out int index)
    {
        int local = 0;
        var queue = ((delegate* unmanaged[Cdecl]<nint, uint*, int*, nint>)Vtable[5])(pointer, &id, &local);
        index = local;
        return new HostParamValueQueue(queue);
    }
}
