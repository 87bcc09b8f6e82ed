using System.Buffers.Binary;

namespace Euterpe.Core.Audio;

/// <summary>
/// Converts between float32 samples and the byte encodings of <see cref="WavSampleFormat"/> (little endian).
/// Integer PCM maps full scale to [-1, 1): reading divides by 2^(bits-1); writing multiplies by the same,
/// rounds to nearest and clamps, so integer samples survive a read-write round trip exactly.
/// </summary>
internal static class WavSampleCodec
{
    private const float Scale16 = 32768f;
    private const float Scale24 = 8388608f;

    public static int BytesPerSample(WavSampleFormat format) => format switch
    {
        WavSampleFormat.Pcm16 => 2,
        WavSampleFormat.Pcm24 => 3,
        WavSampleFormat.Float32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown sample format"),
    };

    public static int BitsPerSample(WavSampleFormat format) => BytesPerSample(format) * 8;

    /// <summary>Decodes <c>bytes.Length / BytesPerSample</c> samples into <paramref name="samples"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> bytes, Span<float> samples, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm16:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.Slice(i * 2, 2)) / Scale16;
                }

                break;
            case WavSampleFormat.Pcm24:
                for (var i = 0; i < samples.Length; i++)
                {
                    var o = i * 3;
                    // Put the 24 bits in the top of an int so the arithmetic shift sign-extends.
                    var value = (bytes[o] << 8 | bytes[o + 1] << 16 | bytes[o + 2] << 24) >> 8;
                    samples[i] = value / Scale24;
                }

                break;
            case WavSampleFormat.Float32:
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown sample format");
        }
    }

    /// <summary>Encodes <paramref name="samples"/> into <c>samples.Length * BytesPerSample</c> bytes.</summary>
    public static void Encode(ReadOnlySpan<float> samples, Span<byte> bytes, WavSampleFormat format)
    {
        switch (format)
        {
            case WavSampleFormat.Pcm16:
                for (var i = 0; i < samples.Length; i++)
                {
                    var value = (int)Math.Clamp(MathF.Round(samples[i] * Scale16), short.MinValue, short.MaxValue);
                    BinaryPrimitives.WriteInt16LittleEndian(bytes.Slice(i * 2, 2), (short)value);
                }

                break;
            case WavSampleFormat.Pcm24:
                for (var i = 0; i < samples.Length; i++)
                {
                    // Double: float cannot hold every 24-bit step near full scale after multiplication.
                    var value = (int)Math.Clamp(Math.Round(samples[i] * (double)Scale24), -8388608, 8388607);
                    var o = i * 3;
                    bytes[o] = (byte)value;
                    bytes[o + 1] = (byte)(value >> 8);
                    bytes[o + 2] = (byte)(value >> 16);
                }

                break;
            case WavSampleFormat.Float32:
                for (var i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.Slice(i * 4, 4), samples[i]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown sample format");
        }
    }
}
