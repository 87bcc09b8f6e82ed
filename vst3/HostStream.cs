namespace Euterpe.Vst3;

/// <summary>Calls into a host's IBStream (ibstream.h): read, write, seek, tell after FUnknown's three slots.</summary>
public readonly unsafe struct HostStream(nint pointer)
{
    public const int SeekSet = 0;

    public bool IsNull => pointer == 0;

    private nint* Vtable => *(nint**)pointer;

    public int Read(Span<byte> buffer, out int read)
    {
        int count = 0;
        int result;
        fixed (byte* data = buffer)
            result = ((delegate* unmanaged[Cdecl]<nint, void*, int, int*, int>)Vtable[3])(pointer, data, buffer.Length, &count);
        read = count;
        return result;
    }

    public int Write(ReadOnlySpan<byte> buffer, out int written)
    {
        int count = 0;
        int result;
        fixed (byte* data = buffer)
            result = ((delegate* unmanaged[Cdecl]<nint, void*, int, int*, int>)Vtable[4])(pointer, data, buffer.Length, &count);
        written = count;
        return result;
    }

    /// <summary>Reads exactly buffer.Length bytes, or returns false.</summary>
    public bool ReadExactly(Span<byte> buffer)
    {
        var offset = 0;
        while (offset < buffer.Length)
        {
            if (Read(buffer[offset..], out var read) != Vst3Result.Ok || read <= 0) return false;
            offset += read;
        }
        return true;
    }

    /// <summary>Writes all of buffer; an empty buffer is not passed to the host (some streams refuse a null, zero-length write).</summary>
    public bool WriteAll(ReadOnlySpan<byte> buffer) =>
        buffer.IsEmpty || (Write(buffer, out var written) == Vst3Result.Ok && written == buffer.Length);
}
