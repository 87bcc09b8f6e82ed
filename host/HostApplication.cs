using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// IHostApplication, the context handed to IPluginBase::initialize: our name, and IMessage /
/// IAttributeList objects for plug-ins that talk between component and controller through messages.
/// </summary>
public sealed unsafe class HostApplication : ComObject
{
    public const string Name = "Euterpe Host";

    private static readonly nint Vtable = CreateVtable();

    public HostApplication() : base([Vtable])
    {
    }

    /// <summary>How many IMessage / IAttributeList objects plug-ins asked for.</summary>
    public int MessagesCreated { get; private set; }

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IHostApplication) ? 0 : -1;

    private int CreateInstance(byte* cid, byte* iid, nint* result)
    {
        if (result == null || cid == null || iid == null) return Vst3Result.InvalidArgument;
        *result = 0;
        var wanted = Tuid.Read(cid);
        ComObject created;
        if (wanted.Matches(Vst3Iids.IMessage)) created = new HostMessage();
        else if (wanted.Matches(Vst3Iids.IAttributeList)) created = new HostAttributeList();
        else return Vst3Result.False;
        MessagesCreated++;
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
        Vst3Strings.WriteUtf16(Name, name, 128);
        return Vst3Result.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CreateInstanceThunk(nint self, byte* cid, byte* iid, nint* result)
    {
        try { return From<HostApplication>(self).CreateInstance(cid, iid, result); }
        catch (Exception) { return Vst3Result.InternalError; }
    }
}
