namespace Euterpe.Vst3;

/// <summary>
/// Calls into an IAttributeList, the host's or ours (vtable: FUnknown, setInt, getInt, setFloat, getFloat, setString,
/// getString, setBinary, getBinary): the integer and string ones. Keys are UTF-8 without the terminator (these calls add it).
/// </summary>
public static unsafe class AttributeListCalls
{
    private const int SetIntSlot = 3, GetIntSlot = 4, SetStringSlot = 7, GetStringSlot = 8;
    private const int MaxKeyBytes = 127;

    public static int SetInt(nint list, ReadOnlySpan<byte> key, long value)
    {
        var id = stackalloc byte[MaxKeyBytes + 1];
        Terminated(key, id);
        return ((delegate* unmanaged[Cdecl]<nint, byte*, long, int>)(*(nint**)list)[SetIntSlot])(list, id, value);
    }

    /// <summary>The integer stored under <paramref name="key"/>; null when there is none.</summary>
    public static long? GetInt(nint list, ReadOnlySpan<byte> key)
    {
        var id = stackalloc byte[MaxKeyBytes + 1];
        Terminated(key, id);
        long value;
        return ((delegate* unmanaged[Cdecl]<nint, byte*, long*, int>)(*(nint**)list)[GetIntSlot])(list, id, &value) == Vst3Result.Ok ? value : null;
    }

    public static int SetString(nint list, ReadOnlySpan<byte> key, string text)
    {
        var id = stackalloc byte[MaxKeyBytes + 1];
        Terminated(key, id);
        fixed (char* chars = text) // a .NET string is zero-terminated in memory
            return ((delegate* unmanaged[Cdecl]<nint, byte*, char*, int>)(*(nint**)list)[SetStringSlot])(list, id, chars);
    }

    /// <summary>The string stored under <paramref name="key"/>, at most <paramref name="maxChars"/> − 1 characters; null when there is none.</summary>
    public static string? GetString(nint list, ReadOnlySpan<byte> key, int maxChars)
    {
        var id = stackalloc byte[MaxKeyBytes + 1];
        Terminated(key, id);
        var text = new char[maxChars];
        fixed (char* buffer = text)
        {
            var getString = (delegate* unmanaged[Cdecl]<nint, byte*, char*, uint, int>)(*(nint**)list)[GetStringSlot];
            return getString(list, id, buffer, (uint)(maxChars * sizeof(char))) == Vst3Result.Ok ? Vst3Strings.ReadUtf16(buffer, maxChars) : null;
        }
    }

    private static void Terminated(ReadOnlySpan<byte> key, byte* destination)
    {
        if (key.Length > MaxKeyBytes) throw new ArgumentException($"attribute keys are at most {MaxKeyBytes} bytes", nameof(key));
        key.CopyTo(new Span<byte>(destination, MaxKeyBytes));
        destination[key.Length] = 0;
    }
}
