using System.Buffers.Binary;
using System.IO.Compression;

namespace Euterpe.Core.Evaluation;

/// <summary>
/// An 8-bit grayscale image (row-major, 0 = black) and writers for two formats that need no library:
/// binary PGM (P5) and PNG (color type 0, bit depth 8, filter 0 on every row, one zlib IDAT chunk).
/// </summary>
public sealed class GrayscaleImage
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public GrayscaleImage(int width, int height)
    {
        if (width < 1 || height < 1 || (long)width * height > 1 << 28) throw new ArgumentOutOfRangeException(nameof(width), "image size must be 1..2^28 pixels");
        Width = width;
        Height = height;
        Pixels = new byte[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public byte this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    public byte[] ToPgm()
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        return [.. header, .. Pixels];
    }

    public byte[] ToPng()
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, Width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], Height);
        ihdr[8] = 8;  // bit depth
        ihdr[9] = 0;  // grayscale
        ihdr[10] = 0; // deflate
        ihdr[11] = 0; // adaptive filtering (we use filter type 0 everywhere)
        ihdr[12] = 0; // no interlace
        WriteChunk(output, "IHDR", ihdr);

        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var y = 0; y < Height; y++)
                {
                    z.WriteByte(0);
                    z.Write(Pixels, y * Width, Width);
                }
            }
            WriteChunk(output, "IDAT", compressed.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>Writes PNG or PGM (chosen by the extension .png / .pgm) atomically.</summary>
    public void Save(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var bytes = extension switch
        {
            ".png" => ToPng(),
            ".pgm" => ToPgm(),
            _ => throw new EuterpeException($"{path}: unknown image type (use .png or .pgm)"),
        };
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320, reflected).</summary>
    public static uint Crc32(ReadOnlySpan<byte> data, uint crc = 0)
    {
        crc = ~crc;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        System.Text.Encoding.ASCII.GetBytes(type, typeBytes);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(data, Crc32(typeBytes)));
        output.Write(word);
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
