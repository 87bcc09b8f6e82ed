using System.Runtime.CompilerServices;

namespace Euterpe.Vst3;

/// <summary>A VST3 interface or class identifier: 16 raw bytes, in the order the SDK lays them out on Linux.</summary>
[InlineArray(16)]
public struct Tuid
{
    private byte _first;

    public Tuid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16) throw new ArgumentException("a TUID has 16 bytes", nameof(bytes));
        bytes.CopyTo(this);
    }

    /// <summary>Reads 16 bytes at <paramref name="address"/> (a host-supplied TUID or FIDString).</summary>
    public static unsafe Tuid Read(byte* address) => new(new ReadOnlySpan<byte>(address, 16));

    public readonly unsafe bool Matches(byte* address)
    {
        if (address == null) return false;
        ReadOnlySpan<byte> self = this;
        return self.SequenceEqual(new ReadOnlySpan<byte>(address, 16));
    }

    public readonly bool Matches(in Tuid other)
    {
        ReadOnlySpan<byte> self = this;
        ReadOnlySpan<byte> that = other;
        return self.SequenceEqual(that);
    }

    public readonly unsafe void WriteTo(byte* destination)
    {
        ReadOnlySpan<byte> self = this;
        self.CopyTo(new Span<byte>(destination, 16));
    }

    /// <summary>32 upper-case hex digits, the form moduleinfo.json uses.</summary>
    public readonly override string ToString()
    {
        ReadOnlySpan<byte> self = this;
        return Convert.ToHexString(self);
    }
}
