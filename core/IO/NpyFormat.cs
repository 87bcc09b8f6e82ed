using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Euterpe.Core.Tensors;
using Euterpe.Core.Text;

namespace Euterpe.Core.IO;

/// <summary>
/// Reads and writes NumPy's .npy format: magic "\x93NUMPY", version byte pair, header length (2 bytes in 1.0, 4 in
/// 2.0/3.0), a Python-literal dict {'descr', 'fortran_order', 'shape'}, then the raw data. Reads 1.0, 2.0 and 3.0;
/// writes 1.0. Only little-endian, C-ordered float32, float64, int64, int32, uint8 and bool arrays.
/// </summary>
public static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    internal static int SizeOf(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 => 4,
        TensorElementType.Double or TensorElementType.Int64 => 8,
        TensorElementType.Bool or TensorElementType.UInt8 => 1,
        _ => throw new EuterpeException($"{TensorElementTypes.Name(type)} arrays cannot be stored as .npy (supported: float32, float64, int64, int32, uint8, bool)"),
    };

    private static string Descr(TensorElementType type) => type switch
    {
        TensorElementType.Float => "<f4",
        TensorElementType.Double => "<f8",
        TensorElementType.Int64 => "<i8",
        TensorElementType.Int32 => "<i4",
        TensorElementType.Bool => "|b1",
        TensorElementType.UInt8 => "|u1",
        _ => throw new EuterpeException($"{TensorElementTypes.Name(type)} arrays cannot be stored as .npy (supported: float32, float64, int64, int32, uint8, bool)"),
    };

    /// <summary>The largest .npy file read: the largest array .NET holds, plus the largest header.</summary>
    public const long MaxFileBytes = (long)int.MaxValue + MaxHeaderBytes + 16;

    private const int MaxHeaderBytes = 1 << 20;

    /// <summary>NumPy's own limit on dimensions.</summary>
    private const int MaxRank = 64;

    public static NpyArray Read(string path)
    {
        if (!Path.Exists(path)) throw new EuterpeException($"{path}: not found");
        using var stream = InputFile.OpenRead(path, MaxFileBytes, ".npy");
        try
        {
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw InputFile.CannotRead(path, e);
        }
    }

    public static NpyArray Read(Stream stream, string name)
    {
        var (type, shape, byteCount) = ReadHeader(stream, name);
        var data = new byte[byteCount];
        ReadExactly(stream, data, name, "data");
        return new NpyArray(type, shape, data);
    }

    /// <summary>
    /// Reads the magic and header only, leaving <paramref name="stream"/> at the first data byte, so a large array can
    /// be read a piece at a time; checks that a seekable stream holds all the data the shape needs.
    /// </summary>
    public static (TensorElementType Type, long[] Shape, long ByteCount) ReadHeader(Stream stream, string name)
    {
        var prefix = new byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8 || !prefix.AsSpan(0, 6).SequenceEqual(Magic))
            throw new EuterpeException($"{name}: not a .npy file (no \\x93NUMPY magic)");
        int major = prefix[6], minor = prefix[7];
        int headerLength;
        if (major == 1)
        {
            var len = new byte[2];
            ReadExactly(stream, len, name, "header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            var len = new byte[4];
            ReadExactly(stream, len, name, "header length");
            var value = BinaryPrimitives.ReadUInt32LittleEndian(len);
            if (value > MaxHeaderBytes) throw new EuterpeException($"{name}: .npy header of {value} bytes is implausibly large");
            headerLength = (int)value;
        }
        else
        {
            throw new EuterpeException($"{name}: unsupported .npy format version {major}.{minor} (supported: 1.0, 2.0, 3.0)");
        }
        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, name, "header");
        var header = major == 3 ? System.Text.Encoding.UTF8.GetString(headerBytes) : System.Text.Encoding.Latin1.GetString(headerBytes);
        var (type, shape) = ParseHeader(header, name);
        var byteCount = ByteCount(shape, SizeOf(type), name);
        // Never allocate more than the file can hold: a corrupt shape must not exhaust memory.
        if (stream.CanSeek && stream.Length - stream.Position < byteCount)
            throw new EuterpeException($"{name}: truncated .npy data (shape {ShapeText(shape)} needs {byteCount} bytes, {stream.Length - stream.Position} present)");
        return (type, shape, byteCount);
    }

    /// <summary>The data's size; a shape whose product passes what one array can hold is refused before any arithmetic overflows.</summary>
    private static long ByteCount(long[] shape, int elementSize, string name)
    {
        if (shape.Length > MaxRank) throw new EuterpeException($"{name}: .npy shape of rank {shape.Length} (at most {MaxRank})");
        if (shape.Contains(0)) return 0;
        long bytes = elementSize;
        foreach (var d in shape)
        {
            if (d > Array.MaxLength / bytes) throw new EuterpeException($"{name}: .npy shape {ShapeText(shape)} is too large (more than {Array.MaxLength} bytes)");
            bytes *= d;
        }
        return bytes;
    }

    /// <summary>A shape as NumPy prints it, cut to one short line.</summary>
    public static string ShapeText(long[] shape) =>
        UserText.OneLine(shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})", UserText.DefaultLimit);

    /// <summary>Writes format 1.0 atomically (temp file, then rename).</summary>
    public static void Write(string path, NpyArray array) => AtomicFile.Write(path, s => Write(s, array));

    public static void Write(Stream stream, NpyArray array)
    {
        var shape = array.Shape.Length switch
        {
            0 => "()",
            1 => $"({array.Shape[0].ToString(CultureInfo.InvariantCulture)},)",
            _ => $"({string.Join(", ", array.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})",
        };
        var dict = $"{{'descr': '{Descr(array.ElementType)}', 'fortran_order': False, 'shape': {shape}, }}";
        // Magic (6) + version (2) + length (2) + header, padded with spaces and ended by '\n' to a multiple of 64.
        var unpadded = 10 + dict.Length + 1;
        var padding = (64 - unpadded % 64) % 64;
        var header = dict + new string(' ', padding) + "\n";
        if (header.Length > ushort.MaxValue) throw new EuterpeException($"array of rank {array.Shape.Length} has too long a .npy header");
        stream.Write(Magic);
        stream.WriteByte(1);
        stream.WriteByte(0);
        Span<byte> len = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
        stream.Write(len);
        stream.Write(System.Text.Encoding.Latin1.GetBytes(header));
        stream.Write(array.Data);
    }

    private static (TensorElementType Type, long[] Shape) ParseHeader(string header, string name)
    {
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw new EuterpeException($"{name}: malformed .npy header {UserText.Quote(header.Trim())}");
        if (fortran.Groups[1].Value == "True")
            throw new EuterpeException($"{name}: Fortran-ordered arrays are not supported (save with numpy.ascontiguousarray)");
        var code = descr.Groups[1].Value;
        var type = code switch
        {
            "<f4" => TensorElementType.Float,
            "<f8" => TensorElementType.Double,
            "<i8" => TensorElementType.Int64,
            "<i4" => TensorElementType.Int32,
            "|b1" or "<b1" => TensorElementType.Bool,
            "|u1" or "<u1" => TensorElementType.UInt8,
            _ when code.StartsWith('>') => throw new EuterpeException($"{name}: big-endian dtype {UserText.Quote(code)} is not supported (use little-endian)"),
            _ => throw new EuterpeException($"{name}: unsupported dtype {UserText.Quote(code)} (supported: <f4, <f8, <i8, <i4, |u1, |b1)"),
        };
        var dims = new List<long>();
        foreach (var part in shape.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                throw new EuterpeException($"{name}: malformed .npy shape {UserText.Quote(shape.Groups[1].Value)}");
            dims.Add(d);
        }
        return (type, dims.ToArray());
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string name, string what)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) < buffer.Length)
            throw new EuterpeException($"{name}: truncated .npy file (in {what})");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
