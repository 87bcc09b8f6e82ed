using System.Buffers.Binary;
using NAudio.Wave;

namespace Euterpe.Core.Audio;

/// <summary>
/// Appends float32 blocks to a WAV stream: NAudio's <see cref="WaveFileWriter"/> writes the RIFF container (header,
/// <c>fact</c> chunk for non-PCM, pad byte, sizes patched on <see cref="Finish"/>) and this class encodes the samples.
/// NAudio's own <c>WriteSamples(float[])</c> is not used: it scales integer PCM by 2^(bits-1) − 1 and truncates, wraps
/// values beyond ±1 around, and allocates per 24-bit sample. Here integer PCM is scaled by 2^(bits-1), rounded to
/// nearest and clamped, so integer samples survive a read-write round trip exactly. Appending does not allocate.
/// </summary>
internal sealed class WavBlockWriter
{
    /// <summary>Largest data chunk a RIFF file can describe with its 32-bit sizes (less the largest header).</summary>
    public const long MaxDataBytes = uint.MaxValue - 80;

    private const int BlockBytes = 1 << 16;
    private const float Scale16 = 32768f;
    private const double Scale24 = 8388608d;
    private const double Scale32 = 2147483648d;

    private readonly WaveFileWriter _writer;
    private readonly WavSampleFormat _format;
    private readonly int _bytesPerSample;
    private readonly byte[] _bytes = new byte[BlockBytes];
    private readonly float[] _interleaved;

    /// <summary>Writes the header to <paramref name="stream"/> (left open by <see cref="Finish"/>).</summary>
    public WavBlockWriter(Stream stream, int sampleRate, int channels, WavSampleFormat format, bool extensible)
    {
        if (channels is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "only mono and stereo WAV files are written");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sampleRate, 0);
        _format = format;
        _bytesPerSample = WavSampleFormats.BytesPerSample(format);
        Channels = channels;
        _interleaved = new float[BlockBytes / _bytesPerSample / channels * channels];
        _writer = new WaveFileWriter(stream, WavSampleFormats.ToWaveFormat(format, sampleRate, channels, extensible));
    }

    public int Channels { get; }

    public int BytesPerFrame => _bytesPerSample * Channels;

    public long DataBytes => _writer.Length;

    /// <summary>Appends interleaved frames (c0 c1 c0 c1 ...; for mono, just the samples).</summary>
    public void WriteInterleaved(ReadOnlySpan<float> interleaved)
    {
        if (interleaved.Length % Channels != 0)
        {
            throw new ArgumentException("interleaved length is not a multiple of the channel count", nameof(interleaved));
        }

        while (!interleaved.IsEmpty)
        {
            var count = Math.Min(_interleaved.Length, interleaved.Length);
            Append(interleaved[..count]);
            interleaved = interleaved[count..];
        }
    }

    /// <summary>Appends planar frames: one span per channel (<paramref name="right"/> empty for mono), all the same length.</summary>
    public void WritePlanar(ReadOnlySpan<float> left, ReadOnlySpan<float> right = default)
    {
        if (Channels == 1)
        {
            if (!right.IsEmpty)
            {
                throw new ArgumentException("a mono writer takes one channel", nameof(right));
            }

            WriteInterleaved(left);
            return;
        }

        if (left.Length != right.Length)
        {
            throw new ArgumentException("stereo channels must have the same length", nameof(right));
        }

        var framesPerBlock = _interleaved.Length / 2;
        for (var start = 0; start < left.Length; start += framesPerBlock)
        {
            var frames = Math.Min(framesPerBlock, left.Length - start);
            for (var i = 0; i < frames; i++)
            {
                _interleaved[2 * i] = left[start + i];
                _interleaved[2 * i + 1] = right[start + i];
            }

            Append(_interleaved.AsSpan(0, frames * 2));
        }
    }

    /// <summary>Pads the data, patches the RIFF, <c>fact</c> and <c>data</c> sizes and flushes; the stream stays open.</summary>
    public void Finish() => _writer.Dispose();

    private void Append(ReadOnlySpan<float> samples)
    {
        var bytes = _bytes.AsSpan(0, samples.Length * _bytesPerSample);
        Encode(samples, bytes);
        _writer.Write(bytes);
    }

    private void Encode(ReadOnlySpan<float> samples, Span<byte> bytes)
    {
        switch (_format)
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
                    var value = (int)Math.Clamp(Math.Round(samples[i] * Scale24), -8388608, 8388607);
                    var o = i * 3;
                    bytes[o] = (byte)value;
                    bytes[o + 1] = (byte)(value >> 8);
                    bytes[o + 2] = (byte)(value >> 16);
                }

                break;
            case WavSampleFormat.Pcm32:
                for (var i = 0; i < samples.Length; i++)
                {
                    var value = (int)Math.Clamp(Math.Round(samples[i] * Scale32), int.MinValue, int.MaxValue);
                    BinaryPrimitives.WriteInt32LittleEndian(bytes.Slice(i * 4, 4), value);
                }

                break;
            case WavSampleFormat.Float32:
                for (var i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes.Slice(i * 4, 4), samples[i]);
                }

                break;
        }
    }
}
