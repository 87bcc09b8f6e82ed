namespace Euterpe.Vst3;

/// <summary>Calls into an IEventList (ivstevents.h): getEventCount, getEvent, addEvent after FUnknown.</summary>
public readonly unsafe struct HostEventList(nint pointer)
{
    public bool IsNull => pointer == 0;

    private nint* Vtable => *(nint**)pointer;

    public int Count => ((delegate* unmanaged[Cdecl]<nint, int>)Vtable[3])(pointer);

    public bool TryGet(int index, out Vst3Event e)
    {
        Vst3Event local;
        var result = ((delegate* unmanaged[Cdecl]<nint, int, Vst3Event*, int>)Vtable[4])(pointer, index, &local);
        e = local;
        return result == Vst3Result.Ok;
    }

    public int Add(in Vst3Event e)
    {
        var local = e;
        return ((delegate* unmanaged[Cdecl]<nint, Vst3Event*, int>)Vtable[5])(pointer, &local);
    }
}
