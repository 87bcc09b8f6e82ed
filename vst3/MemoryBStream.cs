namespace Euterpe.Vst3;

/// <summary>An IBStream over a growable byte buffer: what a host hands a plug-in for get/setState.</summary>
public sealed unsafe class MemoryBStream : ComObject, IBStream
{
    private byte[] _data;
    private int _length;
    private int _position;

    public MemoryBStream(ReadOnlySpan<byte> initial = default) : base([BStreamThunks.Vtable])
    {
        _data = initial.ToArray();
        _length = _data.Length;
    }

    public ReadOnlySpan<byte> Contents => _data.AsSpan(0, _length);

    public void Rewind() => _position = 0;

    protected override int SlotOf(in Tuid iid) => iid.Matches(Vst3Iids.IBStream) ? 0 : -1;

    // A null buffer is refused, as Steinberg's MemoryStream does, so our host catches plug-ins that rely on it.
    public int Read(byte* buffer, int count, int* read)
    {
        if (count < 0 || buffer == null) return Vst3Result.InvalidArgument;
        var n = Math.Min(count, _length - _position);
        new ReadOnlySpan<byte>(_data, _position, n).CopyTo(new Span<byte>(buffer, n));
        _position += n;
        if (read != null) *read = n;
        return Vst3Result.Ok;
    }

    public int Write(byte* buffer, int count, int* written)
    {
        if (count < 0 || buffer == null) return Vst3Result.InvalidArgument;
        var end = _position + count;
        if (end > _data.Length) Array.Resize(ref _data, Math.Max(end, _data.Length * 2));
        new ReadOnlySpan<byte>(buffer, count).CopyTo(_data.AsSpan(_position));
        _position = end;
        _length = Math.Max(_length, end);
        if (written != null) *written = count;
        return Vst3Result.Ok;
    }

    public int Seek(long position, int mode, long* result)
    {
        long target = mode switch { 0 => position, 1 => _position + position, 2 => _length + position, _ => -1 };
        if (target < 0 || target > _length) return Vst3Result.InvalidArgument;
        _position = (int)target;
        if (result != null) *result = _position;
        return Vst3Result.Ok;
    }

    public int Tell(long* position)
    {
        *position = _position;
        return Vst3Result.Ok;
    }
}
