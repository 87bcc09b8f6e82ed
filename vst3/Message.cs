using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IMessage (ivstmessage.h) made by IHostApplication::createInstance: an ID and an attribute list.</summary>
public sealed unsafe class Message : ComObject
{
    private static readonly nint Vtable = CreateVtable();
    private readonly AttributeList _attributes = new();
    private byte* _id;

    public Message() : base([Vtable])
    {
    }

    public string? Id => _id == null ? null : Marshal.PtrToStringUTF8((nint)_id);

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IMessage) ? 0 : -1;

    protected override void OnFinalRelease()
    {
        NativeMemory.Free(_id);
        _attributes.Release();
    }

    private void SetId(byte* id)
    {
        NativeMemory.Free(_id);
        _id = null;
        if (id == null) return;
        // Scanned to its terminator, not over a fixed window that could run off the caller's memory.
        var length = Math.Min(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(id).Length, 4095);
        _id = (byte*)NativeMemory.AllocZeroed((nuint)length + 1);
        new ReadOnlySpan<byte>(id, length).CopyTo(new Span<byte>(_id, length));
    }

    private static nint CreateVtable()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 3);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*>)&GetMessageId;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, void>)&SetMessageId;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, nint>)&GetAttributes;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* GetMessageId(nint self) => From<Message>(self)._id;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void SetMessageId(nint self, byte* id) => From<Message>(self).SetId(id);

    // The SDK's convention: getAttributes returns the list without adding a reference.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static nint GetAttributes(nint self) => From<Message>(self)._attributes.InterfacePointer();
}
