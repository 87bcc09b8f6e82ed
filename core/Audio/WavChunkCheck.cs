using System.Buffers.Binary;

namespace Euterpe.Core.Audio;

/// <summary>
/// Walks the RIFF chunk headers of a WAV file before NAudio parses it, to refuse with our own line the damage
/// NAudio 3.3 accepts or misreports: it clamps a data chunk that declares more bytes than follow (a truncated file
/// reads as a shorter one), reads a data chunk that comes before fmt, reports a huge fmt size or a chunk running
/// past the end as "No data chunk found", throws EndOfStreamException on a file shorter than 12 bytes, and calls
/// RIFX and text files alike "no RIFF header". Only headers are read; sizes are compared with the stream length.
/// </summary>
internal static class WavChunkCheck
{
    /// <summary>A <c>fmt </c> chunk larger than this is not a real one (NAudio would read it as extra format bytes).</summary>
    private const int MaxFmtChunkBytes = 1024;

    /// <summary>Checks <paramref name="stream"/> (seekable, at the start of the file); throws <see cref="WavFormatException"/>.</summary>
    public static void Check(Stream stream, string name)
    {
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw new WavFormatException(name, "not a WAV file (shorter than a RIFF header)");
        }

        var rf64 = header[..4].SequenceEqual("RF64"u8);
        if (!rf64 && !header[..4].SequenceEqual("RIFF"u8))
        {
            throw new WavFormatException(name, header[..4].SequenceEqual("RIFX"u8)
                ? "big-endian RIFX WAV is not supported"
                : "not a WAV file (no RIFF header)");
        }

        if (!header[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException(name, "RIFF file is not WAVE");
        }

        var seenFmt = false;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            var got = stream.ReadAtLeast(chunk, chunk.Length, throwOnEndOfStream: false);
            if (got == 0)
            {
                throw new WavFormatException(name, seenFmt ? "no data chunk" : "no fmt chunk");
            }

            if (got < chunk.Length)
            {
                throw new WavFormatException(name, "truncated chunk header");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var left = stream.Length - stream.Position;
            if (chunk[..4].SequenceEqual("data"u8))
            {
                if (!seenFmt)
                {
                    throw new WavFormatException(name, "data chunk before fmt chunk");
                }

                // RF64 keeps the real size in its ds64 chunk, where NAudio reads it; a short file then reads short.
                if (size > left && !(rf64 && size == uint.MaxValue))
                {
                    throw new WavFormatException(name, $"truncated: data chunk declares {size} bytes but only {left} follow");
                }

                return;
            }

            if (chunk[..4].SequenceEqual("fmt "u8))
            {
                if (size is < 16 or > MaxFmtChunkBytes)
                {
                    throw new WavFormatException(name, $"fmt chunk has implausible size {size}");
                }

                seenFmt = true;
            }

            if (size > left)
            {
                throw new WavFormatException(name, "truncated: a chunk runs past the end of the file");
            }

            // Odd-sized chunks are followed by a pad byte; a missing one at the very end reads as the end above.
            stream.Seek(size + (size & 1L), SeekOrigin.Current);
        }
    }
}
