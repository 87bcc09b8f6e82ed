using System.Buffers.Binary;

namespace Euterpe.Core.Audio;

/// <summary>
/// Builds the bytes before the sample data of a WAV file and knows where the size fields sit, so a
/// streaming writer can patch them once the length is known.
/// Layout: RIFF/WAVE, a <c>fmt </c> chunk (16 bytes for PCM; 18 with cbSize 0 plus a <c>fact</c> chunk for
/// float; 40 for WAVE_FORMAT_EXTENSIBLE), then the <c>data</c> chunk header.
/// </summary>
internal static class WavHeader
{
    public const ushort FormatPcm = 1;
    public const ushort FormatIeeeFloat = 3;
    public const ushort FormatExtensible = 0xFFFE;

    /// <summary>The tail shared by the KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT GUIDs after their first two bytes.</summary>
    public static ReadOnlySpan<byte> SubFormatGuidTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Largest data chunk a RIFF file can describe with its 32-bit sizes.</summary>
    public const long MaxDataBytes = uint.MaxValue - 80;

    public static int Size(WavSampleFormat format, bool extensible) =>
        extensible ? 12 + 8 + 40 + 8 : format == WavSampleFormat.Float32 ? 12 + 8 + 18 + 12 + 8 : 12 + 8 + 16 + 8;

    /// <summary>Writes the header for <paramref name="dataBytes"/> bytes of samples into <paramref name="header"/>.</summary>
    public static void Write(Span<byte> header, WavSampleFormat format, int channels, int sampleRate, long dataBytes, bool extensible)
    {
        var size = Size(format, extensible);
        if (header.Length < size)
        {
            throw new ArgumentException("header span too small", nameof(header));
        }

        header = header[..size];
        header.Clear();
        var bytesPerSample = WavSampleCodec.BytesPerSample(format);
        var blockAlign = channels * bytesPerSample;
        var padding = dataBytes & 1;

        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], checked((uint)(size - 8 + dataBytes + padding)));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        var fmtSize = extensible ? 40 : format == WavSampleFormat.Float32 ? 18 : 16;
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)fmtSize);
        var tag = extensible ? FormatExtensible : format == WavSampleFormat.Float32 ? FormatIeeeFloat : FormatPcm;
        var fmt = header[20..];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[2..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[4..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[8..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[12..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[14..], (ushort)(bytesPerSample * 8));
        var offset = 20 + fmtSize;
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[16..], 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[18..], (ushort)(bytesPerSample * 8));
            // Front left (+ front right): the speaker mask for mono/stereo.
            BinaryPrimitives.WriteUInt32LittleEndian(fmt[20..], channels == 1 ? 0x4u : 0x3u);
            var subFormat = format == WavSampleFormat.Float32 ? FormatIeeeFloat : FormatPcm;
            BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], subFormat);
            SubFormatGuidTail.CopyTo(fmt[26..]);
        }
        else if (format == WavSampleFormat.Float32)
        {
            // cbSize already zero; non-PCM formats carry a fact chunk with the frame count.
            "fact"u8.CopyTo(header[offset..]);
            BinaryPrimitives.WriteUInt32LittleEndian(header[(offset + 4)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(header[(offset + 8)..], (uint)(dataBytes / blockAlign));
            offset += 12;
        }

        "data"u8.CopyTo(header[offset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[(offset + 4)..], checked((uint)dataBytes));
    }
}
