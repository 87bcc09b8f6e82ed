using System.Buffers.Binary;
using System.Text;

namespace Euterpe.Core.Tests.Midi;

/// <summary>Builds Standard MIDI File bytes by hand, so tests know every offset.</summary>
internal static class MidiBytes
{
    /// <summary>Track bodies start at this offset when the header is the usual 14 bytes.</summary>
    public const int FirstTrackBody = 14 + 8;

    public static byte[] Header(int format, int tracks, int division, uint length = 6)
    {
        var bytes = new byte[8 + Math.Max(length, 6)];
        "MThd"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), length);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(8), (ushort)format);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(10), (ushort)tracks);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(12), (ushort)division);
        return bytes;
    }

    public static byte[] Chunk(string id, byte[] body, uint? declaredLength = null)
    {
        var bytes = new byte[8 + body.Length];
        System.Text.Encoding.ASCII.GetBytes(id).CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), declaredLength ?? (uint)body.Length);
        body.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] Track(byte[] body) => Chunk("MTrk", body);

    public static byte[] File(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>A format 0 file, 96 ticks per quarter, with one track holding the given body.</summary>
    public static byte[] SingleTrack(byte[] body) => File(Header(0, 1, 96), Track(body));

    /// <summary>A copy of the bytes with a big-endian 32-bit value written at an offset.</summary>
    public static byte[] WithUInt32(byte[] data, int offset, uint value)
    {
        var copy = (byte[])data.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(offset), value);
        return copy;
    }

    public static readonly byte[] EndOfTrack = [0x00, 0xFF, 0x2F, 0x00];
}
