using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>
/// IHostApplication, the context a host hands to IPluginBase::initialize: its name, and <see cref="Message"/> /
/// <see cref="AttributeList"/> objects for plug-ins whose component and controller talk through IConnectionPoint.
/// </summary>
public sealed unsafe class HostApplication : ComObject
{
    private static readonly nint Vtable = CreateVtable();
    private int _messagesCreated;

    public HostApplication(string name) : base([Vtable])
    {
        Name = name;
    }

    /// <summary>What getName answers.</summary>
    public string Name { get; }

    /// <summary>How many IMessage / IAttributeList objects plug-ins asked for (any thread).</summary>
    public int MessagesCreated => Volatile.Read(ref _messagesCreated);

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IHostApplication) ? 0 : -1;

    private int CreateInstance(byte* cid, byte* iid, nint* result)
    {
        if (result == null || cid == null || iid == null) return Vst3Result.InvalidArgument;
        *result = 0;
        var wanted = Tuid.Read(cid);
        ComObject created;
        if (wanted.Matches(Vst3Iids.IMessage)) created = new Message();
        else if (wanted.Matches(Vst3Iids.IAttributeList)) created = new AttributeList();
        else return Vst3Result.False;
        Interlocked.Increment(ref _messagesCreated);
        var rc = created.QueryInterface(iid, result);
        created.Release();
        return rc;
    }

    private static nint CreateVtable()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 2);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, char*, int>)&GetName;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint*, int>)&CreateInstanceThunk;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetName(nint self, char* name)
    {
        if (name == null) return Vst3Result.InvalidArgument;
        Vst3Strings.WriteUtf16(From<HostApplication>(self).Name, name, 128);
        return Vst3Result.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CreateInstanceThunk(nint self, byte* cid, byte* iid, nint* result)
    {
        try { return From<HostApplication>(self).CreateInstance(cid, iid, result); }
        catch (Exception) { return Vst3Result.InternalError; }
    }
}
