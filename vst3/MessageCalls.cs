using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>Calls into an IMessage, the host's or ours (vtable: FUnknown, getMessageID, setMessageID, getAttributes).</summary>
public static unsafe class MessageCalls
{
    private const int GetMessageIdSlot = 3, SetMessageIdSlot = 4, GetAttributesSlot = 5;

    /// <summary>Sets the message's ID (UTF-8, without the terminator: this adds it).</summary>
    public static void SetId(nint message, ReadOnlySpan<byte> id)
    {
        Span<byte> text = stackalloc byte[id.Length + 1];
        id.CopyTo(text);
        text[^1] = 0;
        fixed (byte* pointer = text)
            ((delegate* unmanaged[Cdecl]<nint, byte*, void>)(*(nint**)message)[SetMessageIdSlot])(message, pointer);
    }

    /// <summary>True when the message's ID is <paramref name="id"/> (UTF-8, without the terminator).</summary>
    public static bool HasId(nint message, ReadOnlySpan<byte> id)
    {
        var text = ((delegate* unmanaged[Cdecl]<nint, byte*>)(*(nint**)message)[GetMessageIdSlot])(message);
        return text != null && MemoryMarshal.CreateReadOnlySpanFromNullTerminated(text).SequenceEqual(id);
    }

    /// <summary>The message's IAttributeList, or 0. It carries no reference of its own (the SDK's convention): do not release it.</summary>
    public static nint Attributes(nint message) =>
        ((delegate* unmanaged[Cdecl]<nint, nint>)(*(nint**)message)[GetAttributesSlot])(message);
}
