using System.Buffers.Binary;
using Euterpe.Plugin.Vst3;

namespace Euterpe.Plugin.Instrument;

/// <summary>
/// The component state a host saves in its project: "EUTP", int32 version, int32 count, then
/// (uint32 id, float64 normalized) pairs, little-endian. Unknown IDs are skipped so newer states load
/// in older builds and the other way round.
/// </summary>
public static class ParameterStateFormat
{
    public const int Version = 1;
    private static ReadOnlySpan<byte> Magic => "EUTP"u8;

    public static bool Write(HostStream stream, ReadOnlySpan<double> values)
    {
        Span<byte> header = stackalloc byte[12];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], values.Length);
        if (!stream.WriteAll(header)) return false;
        Span<byte> entry = stackalloc byte[12];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry, InstrumentParameters.All[i].Id);
            BinaryPrimitives.WriteDoubleLittleEndian(entry[4..], values[i]);
            if (!stream.WriteAll(entry)) return false;
        }
        return true;
    }

    /// <summary>Reads a state into <paramref name="values"/> (indexed like InstrumentParameters.All). False if it is not ours or is cut short.</summary>
    public static bool Read(HostStream stream, Span<double> values)
    {
        Span<byte> header = stackalloc byte[12];
        if (!stream.ReadExactly(header) || !header[..4].SequenceEqual(Magic)) return false;
        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version < 1 || count < 0 || count > 100_000) return false;
        Span<byte> entry = stackalloc byte[12];
        for (var i = 0; i < count; i++)
        {
            if (!stream.ReadExactly(entry)) return false;
            var index = InstrumentParameters.IndexOf(BinaryPrimitives.ReadUInt32LittleEndian(entry));
            var value = BinaryPrimitives.ReadDoubleLittleEndian(entry[4..]);
            if (index >= 0 && double.IsFinite(value)) values[index] = Math.Clamp(value, 0, 1);
        }
        return true;
    }
}
