using System.Buffers.Binary;

namespace Euterpe.TestSupport.Mutants;

/// <summary>
/// Seeded mutants of a WAV file: broken headers (rates, formats, sizes, channel counts), truncations, silence and
/// NaN samples. The seed must be a plain 16-bit PCM WAV (the fft-lstm preset's seed.wav is one).
/// </summary>
public static class WavMutants
{
    /// <summary><paramref name="count"/> mutants of <paramref name="seedWav"/>; the first is the seed itself (a valid control).</summary>
    public static IReadOnlyList<FileMutant> Create(byte[] seedWav, int seed, int count)
    {
        var (rate, pcm) = ReadPcm16(seedWav);
        var floats = new byte[pcm.Length * 2];
        for (var i = 0; i < pcm.Length / 2; i++)
            BinaryPrimitives.WriteSingleLittleEndian(floats.AsSpan(i * 4), BinaryPrimitives.ReadInt16LittleEndian(pcm.AsSpan(i * 2)) / 32768f);
        var nan = (byte[])floats.Clone();
        for (var i = 0; i < nan.Length / 4; i += 7) BinaryPrimitives.WriteSingleLittleEndian(nan.AsSpan(i * 4), float.NaN);
        var inf = (byte[])floats.Clone();
        BinaryPrimitives.WriteSingleLittleEndian(inf.AsSpan(400), float.PositiveInfinity);
        var good = Build(1, 1, rate, 16, pcm);
        var designed = new List<FileMutant>
        {
            new("original", seedWav, Expectation.Good),
            new("float32", Build(3, 1, rate, 32, floats), Expectation.Good),
            new("empty-file", [], Expectation.Bad),
            new("one-byte", [0x52], Expectation.Bad),
            new("text", "not a wav file\n"u8.ToArray(), Expectation.Bad),
            new("header-only", good[..44], Expectation.Bad),
            new("cut-in-header", good[..30], Expectation.Bad),
            new("cut-mid-sample", good[..(44 + 1001)], Expectation.Either),
            new("rate-0", Build(1, 1, 0, 16, pcm), Expectation.Bad),
            new("rate-1", Build(1, 1, 1, 16, pcm), Expectation.Bad),
            new("rate-huge", Build(1, 1, uint.MaxValue, 16, pcm), Expectation.Bad),
            new("rate-44100", Build(1, 1, 44100, 16, pcm), Expectation.Either),
            new("channels-0", Build(1, 0, rate, 16, pcm), Expectation.Bad),
            new("channels-65535", Build(1, 65535, rate, 16, pcm), Expectation.Bad),
            new("stereo", Build(1, 2, rate, 16, pcm), Expectation.Either),
            new("bits-0", Build(1, 1, rate, 0, pcm), Expectation.Bad),
            new("bits-7", Build(1, 1, rate, 7, pcm), Expectation.Bad),
            new("bits-64-pcm", Build(1, 1, rate, 64, pcm), Expectation.Bad),
            new("float-16-bits", Build(3, 1, rate, 16, pcm), Expectation.Bad),
            new("format-mp3", Build(0x55, 1, rate, 16, pcm), Expectation.Bad),
            new("format-extensible-garbage", Build(0xFFFE, 1, rate, 16, pcm), Expectation.Bad),
            new("block-align-0", Build(1, 1, rate, 16, pcm, blockAlign: 0), Expectation.Bad),
            new("data-size-huge", Build(1, 1, rate, 16, pcm, dataSize: uint.MaxValue), Expectation.Either),
            new("data-size-0", Build(1, 1, rate, 16, pcm, dataSize: 0), Expectation.Bad),
            new("riff-size-huge", Build(1, 1, rate, 16, pcm, riffSize: uint.MaxValue), Expectation.Either),
            new("no-samples", Build(1, 1, rate, 16, []), Expectation.Bad),
            new("silent", Build(1, 1, rate, 16, new byte[pcm.Length]), Expectation.Bad),
            new("nan-samples", Build(3, 1, rate, 32, nan), Expectation.Bad),
            new("inf-sample", Build(3, 1, rate, 32, inf), Expectation.Bad),
            new("rifx-big-endian", [.. "RIFX"u8, .. good[4..]], Expectation.Bad),
            new("no-fmt-chunk", [.. good[..12], .. good[36..]], Expectation.Bad),
            new("chunk-size-huge", WithChunkBefore(good, "LIST"u8, uint.MaxValue, []), Expectation.Bad),
            new("odd-chunk-before-data", WithChunkBefore(good, "junk"u8, 3, [1, 2, 3, 0]), Expectation.Either),
        };
        return MutantPicker.Pick(designed, seed, count, (rng, i) => i % 2 == 0
            ? new FileMutant($"header-flips-{i}", MutantPicker.FlipBits(good[..44], rng, 1 + rng.Next(4)).Concat(good[44..]).ToArray(), Expectation.Either)
            : new FileMutant($"truncated-{i}", good[..rng.Next(good.Length)], Expectation.Either));
    }

    /// <summary>A RIFF/WAVE file with the given fmt fields; the sizes are the true ones unless overridden.</summary>
    public static byte[] Build(ushort format, ushort channels, uint rate, ushort bits, byte[] data,
        uint? riffSize = null, uint? dataSize = null, ushort? blockAlign = null)
    {
        var bytes = new byte[44 + data.Length];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], riffSize ?? (uint)(36 + data.Length));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], format);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], channels);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], rate);
        var align = blockAlign ?? (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], unchecked(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], align);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], bits);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], dataSize ?? (uint)data.Length);
        data.CopyTo(span[44..]);
        return bytes;
    }

    private static byte[] WithChunkBefore(byte[] wav, ReadOnlySpan<byte> id, uint size, byte[] body)
    {
        var chunk = new byte[8 + body.Length];
        id.CopyTo(chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), size);
        body.CopyTo(chunk, 8);
        return [.. wav[..36], .. chunk, .. wav[36..]];
    }

    // The seed's sample rate and 16-bit samples: the fmt and data chunks of a plain PCM file.
    private static (uint Rate, byte[] Pcm) ReadPcm16(byte[] wav)
    {
        uint rate = 0;
        for (var at = 12; at + 8 <= wav.Length;)
        {
            var id = System.Text.Encoding.ASCII.GetString(wav, at, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(at + 4));
            if (id == "fmt ")
            {
                if (BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(at + 8)) != 1 || BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(at + 22)) != 16)
                    throw new ArgumentException("the seed WAV must be 16-bit PCM");
                rate = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(at + 12));
            }
            if (id == "data") return (rate, wav.AsSpan(at + 8, Math.Min(size, wav.Length - at - 8) & ~1).ToArray());
            at += 8 + size + (size & 1);
        }
        throw new ArgumentException("the seed WAV has no data chunk");
    }
}
