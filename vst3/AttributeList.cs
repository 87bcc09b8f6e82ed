using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Vst3;

/// <summary>IAttributeList (ivstattributes.h): integers, floats, UTF-16 strings and binary blobs by UTF-8 key.</summary>
public sealed unsafe class AttributeList : ComObject
{
    private const int MaxKeyBytes = 1024;
    private static readonly nint Vtable = CreateVtable();
    private readonly Dictionary<string, object> _values = [];
    private readonly Dictionary<string, nint> _binaries = [];

    public AttributeList() : base([Vtable])
    {
    }

    public IReadOnlyDictionary<string, object> Values => _values;

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IAttributeList) ? 0 : -1;

    protected override void OnFinalRelease()
    {
        foreach (var block in _binaries.Values) NativeMemory.Free((void*)block);
        _binaries.Clear();
    }

    private static string? Key(byte* id)
    {
        if (id == null) return null;
        // Scanned to its terminator, not over a fixed window that could run off the caller's memory.
        var span = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(id);
        return span.Length > MaxKeyBytes ? null : System.Text.Encoding.UTF8.GetString(span);
    }

    private int Set(byte* id, object value)
    {
        var key = Key(id);
        if (key is null) return Vst3Result.InvalidArgument;
        _values[key] = value;
        return Vst3Result.Ok;
    }

    private bool TryGet<T>(byte* id, out T value)
    {
        value = default!;
        var key = Key(id);
        if (key is null || !_values.TryGetValue(key, out var stored) || stored is not T typed) return false;
        value = typed;
        return true;
    }

    private int SetBinary(byte* id, void* data, uint size)
    {
        var key = Key(id);
        if (key is null || (data == null && size > 0)) return Vst3Result.InvalidArgument;
        if (_binaries.Remove(key, out var old)) NativeMemory.Free((void*)old);
        var block = NativeMemory.Alloc(Math.Max(size, 1u));
        if (size > 0) Buffer.MemoryCopy(data, block, size, size);
        _binaries[key] = (nint)block;
        _values[key] = size;
        return Vst3Result.Ok;
    }

    private int GetBinary(byte* id, void** data, uint* size)
    {
        var key = Key(id);
        if (key is null || data == null || size == null || !_binaries.TryGetValue(key, out var block)) return Vst3Result.False;
        *data = (void*)block;
        *size = (uint)_values[key];
        return Vst3Result.Ok;
    }

    private int GetString(byte* id, char* text, uint sizeInBytes)
    {
        if (text == null || !TryGet<string>(id, out var value)) return Vst3Result.False;
        Vst3Strings.WriteUtf16(value, text, (int)(sizeInBytes / sizeof(char)));
        return Vst3Result.Ok;
    }

    private static nint CreateVtable()
    {
        var t = VtableBuilder.Create(VtableBuilder.FUnknownSlots + 8);
        t[3] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, long, int>)&SetInt;
        t[4] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, long*, int>)&GetInt;
        t[5] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, double, int>)&SetFloat;
        t[6] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, double*, int>)&GetFloat;
        t[7] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, char*, int>)&SetString;
        t[8] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, char*, uint, int>)&GetStringThunk;
        t[9] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, void*, uint, int>)&SetBinaryThunk;
        t[10] = (nint)(delegate* unmanaged[Cdecl]<nint, byte*, void**, uint*, int>)&GetBinaryThunk;
        return (nint)t;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetInt(nint self, byte* id, long value) => From<AttributeList>(self).Set(id, value);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetInt(nint self, byte* id, long* value)
    {
        if (value == null || !From<AttributeList>(self).TryGet<long>(id, out var v)) return Vst3Result.False;
        *value = v;
        return Vst3Result.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetFloat(nint self, byte* id, double value) => From<AttributeList>(self).Set(id, value);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetFloat(nint self, byte* id, double* value)
    {
        if (value == null || !From<AttributeList>(self).TryGet<double>(id, out var v)) return Vst3Result.False;
        *value = v;
        return Vst3Result.Ok;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetString(nint self, byte* id, char* text) =>
        text == null ? Vst3Result.InvalidArgument : From<AttributeList>(self).Set(id, Vst3Strings.ReadUtf16(text, 1 << 16));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetStringThunk(nint self, byte* id, char* text, uint sizeInBytes) => From<AttributeList>(self).GetString(id, text, sizeInBytes);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int SetBinaryThunk(nint self, byte* id, void* data, uint size) => From<AttributeList>(self).SetBinary(id, data, size);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetBinaryThunk(nint self, byte* id, void** data, uint* size) => From<AttributeList>(self).GetBinary(id, data, size);
}
