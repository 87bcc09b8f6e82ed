using System.Buffers.Binary;
using Euterpe.Core.IO;

namespace Euterpe.Core.Audio;

/// <summary>
/// Reads and writes WAV files: PCM 16/24-bit and IEEE float32, mono or stereo, plain or
/// WAVE_FORMAT_EXTENSIBLE. Samples come back as planar float32 (<see cref="AudioBuffer"/>). Chunks other
/// than <c>fmt </c> and <c>data</c> are skipped (with the RIFF pad byte after odd-sized chunks). Anything
/// else (8-bit, ADPCM, more than two channels, truncated data, not RIFF) is a <see cref="WavFormatException"/>.
/// </summary>
public static class WavFile
{
    /// <summary>A <c>fmt </c> chunk larger than this is not a real one; refuse instead of allocating.</summary>
    private const int MaxFmtChunkBytes = 1024;
    private const int BlockBytes = 1 << 16;

    public static AudioBuffer Read(string path) => Read(path, out _);

    public static AudioBuffer Read(string path, out WavSampleFormat format)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BlockBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WavFormatException(path, $"cannot open: {e.Message}", e);
        }

        using (stream)
        {
            return Read(stream, path, out format);
        }
    }

    /// <summary>Reads a WAV file from <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    public static AudioBuffer Read(Stream stream, string name, out WavSampleFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[12];
        var got = ReadFully(stream, header);
        if (got < 12)
        {
            throw new WavFormatException(name, "not a WAV file (shorter than a RIFF header)");
        }

        if (!header[..4].SequenceEqual("RIFF"u8))
        {
            var problem = header[..4].SequenceEqual("RIFX"u8) ? "big-endian RIFX WAV is not supported"
                : header[..4].SequenceEqual("RF64"u8) ? "RF64 WAV is not supported"
                : "not a WAV file (no RIFF header)";
            throw new WavFormatException(name, problem);
        }

        if (!header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException(name, "RIFF file is not WAVE");
        }

        WavFmt? fmt = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            got = ReadFully(stream, chunkHeader);
            if (got == 0)
            {
                throw new WavFormatException(name, fmt is null ? "no fmt chunk" : "no data chunk");
            }

            if (got < 8)
            {
                throw new WavFormatException(name, "truncated chunk header");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (chunkHeader[..4].SequenceEqual("fmt "u8))
            {
                if (size < 16 || size > MaxFmtChunkBytes)
                {
                    throw new WavFormatException(name, $"fmt chunk has implausible size {size}");
                }

                var bytes = new byte[size];
                if (ReadFully(stream, bytes) < size)
                {
                    throw new WavFormatException(name, "truncated fmt chunk");
                }

                fmt = ParseFmt(bytes, name);
                SkipPad(stream, size);
            }
            else if (chunkHeader[..4].SequenceEqual("data"u8))
            {
                if (fmt is not { } f)
                {
                    throw new WavFormatException(name, "data chunk before fmt chunk");
                }

                format = f.Format;
                return ReadData(stream, name, f, size);
            }
            else
            {
                Skip(stream, size + (size & 1L), name);
            }
        }
    }

    /// <summary>Writes <paramref name="audio"/> atomically (temp file, then rename).</summary>
    public static void Write(string path, AudioBuffer audio, WavSampleFormat format, bool extensible = false) =>
        AtomicFile.Write(path, stream => Write(stream, audio, format, extensible));

    public static void Write(Stream stream, AudioBuffer audio, WavSampleFormat format, bool extensible = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(audio);
        CheckWritable(audio.ChannelCount, audio.SampleRate);
        var bytesPerSample = WavSampleCodec.BytesPerSample(format);
        var dataBytes = (long)audio.Length * audio.ChannelCount * bytesPerSample;
        if (dataBytes > WavHeader.MaxDataBytes)
        {
            throw new ArgumentException("audio is longer than a WAV file can hold (4 GiB)", nameof(audio));
        }

        Span<byte> header = stackalloc byte[WavHeader.Size(format, extensible)];
        WavHeader.Write(header, format, audio.ChannelCount, audio.SampleRate, dataBytes, extensible);
        stream.Write(header);

        // Interleave and encode a block of frames at a time so memory stays bounded.
        var channels = audio.ChannelCount;
        var framesPerBlock = BlockBytes / (channels * bytesPerSample);
        var interleaved = new float[framesPerBlock * channels];
        var bytes = new byte[interleaved.Length * bytesPerSample];
        for (var start = 0; start < audio.Length; start += framesPerBlock)
        {
            var frames = Math.Min(framesPerBlock, audio.Length - start);
            for (var c = 0; c < channels; c++)
            {
                var channel = audio.Channels[c];
                for (var i = 0; i < frames; i++)
                {
                    interleaved[i * channels + c] = channel[start + i];
                }
            }

            var count = frames * channels;
            WavSampleCodec.Encode(interleaved.AsSpan(0, count), bytes, format);
            stream.Write(bytes, 0, count * bytesPerSample);
        }

        if ((dataBytes & 1) != 0)
        {
            stream.WriteByte(0);
        }
    }

    internal static void CheckWritable(int channels, int sampleRate)
    {
        if (channels is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "only mono and stereo WAV files are written");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(sampleRate, 0);
    }

    private static AudioBuffer ReadData(Stream stream, string name, WavFmt fmt, uint size)
    {
        var blockAlign = fmt.BlockAlign;
        if (size % blockAlign != 0)
        {
            throw new WavFormatException(name, $"data chunk size {size} is not a multiple of the frame size {blockAlign}");
        }

        // Refuse before allocating when the file cannot hold what the header promises.
        if (stream.CanSeek && size > stream.Length - stream.Position)
        {
            throw new WavFormatException(name, $"truncated: data chunk declares {size} bytes but only {stream.Length - stream.Position} follow");
        }

        if (size / blockAlign > Array.MaxLength)
        {
            throw new WavFormatException(name, $"{size / blockAlign} frames are more than one buffer can hold; split the file");
        }

        var frames = (int)(size / blockAlign);
        var channels = fmt.Channels;
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[frames];
        }

        var framesPerBlock = BlockBytes / blockAlign;
        var bytes = new byte[framesPerBlock * blockAlign];
        var interleaved = new float[framesPerBlock * channels];
        for (var start = 0; start < frames; start += framesPerBlock)
        {
            var count = Math.Min(framesPerBlock, frames - start);
            var byteCount = count * blockAlign;
            if (ReadFully(stream, bytes.AsSpan(0, byteCount)) < byteCount)
            {
                throw new WavFormatException(name, $"truncated: data chunk declares {size} bytes but the file ends early");
            }

            WavSampleCodec.Decode(bytes.AsSpan(0, byteCount), interleaved.AsSpan(0, count * channels), fmt.Format);
            for (var c = 0; c < channels; c++)
            {
                var channel = planar[c];
                for (var i = 0; i < count; i++)
                {
                    channel[start + i] = interleaved[i * channels + c];
                }
            }
        }

        return new AudioBuffer(fmt.SampleRate, planar);
    }

    private static WavFmt ParseFmt(ReadOnlySpan<byte> fmt, string name)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        var validBits = bits;
        if (tag == WavHeader.FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new WavFormatException(name, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {fmt.Length} bytes, expected 40");
            }

            validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            var sub = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
            if (!fmt.Slice(26, 14).SequenceEqual(WavHeader.SubFormatGuidTail))
            {
                throw new WavFormatException(name, "WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID is not supported");
            }

            if (validBits == 0 || validBits > bits)
            {
                validBits = bits;
            }

            tag = sub;
        }

        WavSampleFormat format;
        switch (tag)
        {
            case WavHeader.FormatPcm when bits == 16:
                format = WavSampleFormat.Pcm16;
                break;
            case WavHeader.FormatPcm when bits == 24:
                format = WavSampleFormat.Pcm24;
                break;
            case WavHeader.FormatPcm:
                throw new WavFormatException(name, $"{bits}-bit integer PCM is not supported (16 or 24-bit PCM, or float32)");
            case WavHeader.FormatIeeeFloat when bits == 32:
                format = WavSampleFormat.Float32;
                break;
            case WavHeader.FormatIeeeFloat:
                throw new WavFormatException(name, $"{bits}-bit float is not supported (16 or 24-bit PCM, or float32)");
            case 2:
                throw new WavFormatException(name, "MS ADPCM WAV is not supported (16 or 24-bit PCM, or float32)");
            case 0x11:
                throw new WavFormatException(name, "IMA ADPCM WAV is not supported (16 or 24-bit PCM, or float32)");
            default:
                throw new WavFormatException(name, $"WAV audio format 0x{tag:X4} is not supported (16 or 24-bit PCM, or float32)");
        }

        if (channels is 0 or > 2)
        {
            throw new WavFormatException(name, $"{channels} channels are not supported (mono or stereo)");
        }

        if (sampleRate is 0 or > 1_000_000)
        {
            throw new WavFormatException(name, $"implausible sample rate {sampleRate}");
        }

        var expectedAlign = channels * WavSampleCodec.BytesPerSample(format);
        if (blockAlign != expectedAlign)
        {
            throw new WavFormatException(name, $"block align {blockAlign} does not match {channels} channel(s) of {bits}-bit samples");
        }

        return new WavFmt(format, channels, (int)sampleRate, blockAlign);
    }

    private static void SkipPad(Stream stream, uint size)
    {
        if ((size & 1) != 0)
        {
            // A missing pad byte at the very end is harmless; the next header read reports real truncation.
            Span<byte> pad = stackalloc byte[1];
            ReadFully(stream, pad);
        }
    }

    private static void Skip(Stream stream, long count, string name)
    {
        if (stream.CanSeek)
        {
            if (count > stream.Length - stream.Position)
            {
                throw new WavFormatException(name, "truncated: a chunk runs past the end of the file");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var want = (int)Math.Min(count, scratch.Length);
            var got = ReadFully(stream, scratch[..want]);
            if (got < want)
            {
                throw new WavFormatException(name, "truncated: a chunk runs past the end of the file");
            }

            count -= got;
        }
    }

    private static int ReadFully(Stream stream, Span<byte> buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);

    private readonly record struct WavFmt(WavSampleFormat Format, int Channels, int SampleRate, int BlockAlign);
}
