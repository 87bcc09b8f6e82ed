using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Euterpe.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Euterpe.Training.Torch.Serialization;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping each name to
/// {dtype, shape, data_offsets} (plus an optional string map "__metadata__"), then the raw little-endian tensor bytes.
/// Files are written atomically.
/// </summary>
public static class Safetensors
{
    private const long MaxHeaderBytes = 100L << 20;

    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (!BitConverter.IsLittleEndian) throw new EuterpeException($"{path}: safetensors writing needs a little-endian machine");
        var entries = tensors.Select(kv => (name: kv.Key, tensor: kv.Value)).ToList();
        var header = BuildHeader(entries, metadata, out var sizes);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            for (var i = 0; i < entries.Count; i++)
            {
                using var cpu = entries[i].tensor.detach().cpu().contiguous();
                var bytes = cpu.bytes;
                if (bytes.Length != sizes[i]) throw new EuterpeException($"{path}: tensor {entries[i].name} changed size while saving");
                stream.Write(bytes);
            }
        });
    }

    private static byte[] BuildHeader(List<(string name, Tensor tensor)> entries, IReadOnlyDictionary<string, string>? metadata, out long[] sizes)
    {
        sizes = new long[entries.Count];
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata) json.WriteString(k, v);
                json.WriteEndObject();
            }
            long offset = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                var (name, tensor) = entries[i];
                if (name == "__metadata__" || !seen.Add(name)) throw new EuterpeException($"safetensors: tensor name '{name}' is reserved or repeated");
                var dtype = tensor.dtype;
                var shape = tensor.shape;
                sizes[i] = shape.Aggregate(1L, (a, b) => a * b) * tensor.ElementSize;
                json.WriteStartObject(name);
                json.WriteString("dtype", DtypeName(dtype));
                json.WriteStartArray("shape");
                foreach (var s in shape) json.WriteNumberValue(s);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + sizes[i]);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += sizes[i];
            }
            json.WriteEndObject();
        }
        // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
        var pad = (int)((8 - buffer.Length % 8) % 8);
        for (var i = 0; i < pad; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    /// <summary>Loads every tensor (on the CPU) and the metadata. Corrupt files raise a one-line <see cref="EuterpeException"/>.</summary>
    public static (Dictionary<string, Tensor> tensors, Dictionary<string, string> metadata) Load(string path)
    {
        using var file = Open(path);
        var (metadata, specs, dataStart) = ReadHeader(path, file);
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            foreach (var (name, dtype, shape, begin, end) in specs)
            {
                var bytes = new byte[end - begin];
                RandomAccess.Read(file.SafeFileHandle, bytes, dataStart + begin);
                tensors[name] = FromBytes(bytes, shape, dtype);
            }
        }
        catch
        {
            foreach (var t in tensors.Values) t.Dispose();
            throw;
        }
        return (tensors, metadata);
    }

    /// <summary>Only the metadata (a run's config, say): the header is read, the tensors are not.</summary>
    public static Dictionary<string, string> ReadMetadata(string path)
    {
        using var file = Open(path);
        return ReadHeader(path, file).metadata;
    }

    private static FileStream Open(string path) =>
        File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16) : throw new EuterpeException($"{path}: no such file");

    private static (Dictionary<string, string> metadata, List<(string name, ScalarType dtype, long[] shape, long begin, long end)> specs, long dataStart)
        ReadHeader(string path, FileStream file)
    {
        var fileLength = file.Length;
        Span<byte> lengthBytes = stackalloc byte[8];
        if (fileLength < 8 || file.Read(lengthBytes) != 8) throw new EuterpeException($"{path}: too short for a safetensors file");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > (ulong)MaxHeaderBytes || (long)headerLength > fileLength - 8)
            throw new EuterpeException($"{path}: header length {headerLength} does not fit the file ({fileLength} bytes)");
        var header = new byte[headerLength];
        file.ReadExactly(header);
        var dataStart = 8 + (long)headerLength;
        var dataLength = fileLength - dataStart;

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var specs = new List<(string name, ScalarType dtype, long[] shape, long begin, long end)>();
        try
        {
            using var doc = JsonDocument.Parse(header);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new EuterpeException($"{path}: header is not a JSON object");
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == "__metadata__")
                {
                    foreach (var m in prop.Value.EnumerateObject())
                        metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()!
                            : throw new EuterpeException($"{path}: metadata '{m.Name}' is not a string");
                    continue;
                }
                specs.Add(ParseSpec(path, prop, dataLength));
            }
        }
        catch (JsonException e)
        {
            throw new EuterpeException($"{path}: header is not valid JSON ({e.Message.Split('\n')[0]})");
        }
        catch (InvalidOperationException e)
        {
            throw new EuterpeException($"{path}: header has an unexpected layout ({e.Message})");
        }
        return (metadata, specs, dataStart);
    }

    private static (string, ScalarType, long[], long, long) ParseSpec(string path, JsonProperty prop, long dataLength)
    {
        var v = prop.Value;
        var dtype = ParseDtype(path, prop.Name, v.GetProperty("dtype").GetString() ?? "");
        var shape = v.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var offsets = v.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength)
            throw new EuterpeException($"{path}: tensor '{prop.Name}' has data offsets outside the file");
        long count = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new EuterpeException($"{path}: tensor '{prop.Name}' has a negative dimension");
            count = checked(count * s);
        }
        if (checked(count * ElementSize(dtype)) != offsets[1] - offsets[0])
            throw new EuterpeException($"{path}: tensor '{prop.Name}' has {offsets[1] - offsets[0]} bytes, its shape needs {count * ElementSize(dtype)}");
        if (offsets[1] - offsets[0] > Array.MaxLength) throw new EuterpeException($"{path}: tensor '{prop.Name}' is larger than 2 GB");
        return (prop.Name, dtype, shape, offsets[0], offsets[1]);
    }

    private static Tensor FromBytes(byte[] bytes, long[] shape, ScalarType dtype)
    {
        TorchRuntime.EnsureLoaded();
        var tensor = torch.empty(shape, dtype);
        if (bytes.Length > 0) tensor.bytes = bytes;
        return tensor;
    }

    private static int ElementSize(ScalarType t) => t switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Int16 => 2,
        _ => 1,
    };

    public static string DtypeName(ScalarType t) => t switch
    {
        ScalarType.Float32 => "F32", ScalarType.Float64 => "F64", ScalarType.Float16 => "F16", ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64", ScalarType.Int32 => "I32", ScalarType.Int16 => "I16", ScalarType.Int8 => "I8",
        ScalarType.Byte => "U8", ScalarType.Bool => "BOOL",
        _ => throw new EuterpeException($"safetensors: dtype {t} has no safetensors name"),
    };

    private static ScalarType ParseDtype(string path, string name, string text) => text switch
    {
        "F32" => ScalarType.Float32, "F64" => ScalarType.Float64, "F16" => ScalarType.Float16, "BF16" => ScalarType.BFloat16,
        "I64" => ScalarType.Int64, "I32" => ScalarType.Int32, "I16" => ScalarType.Int16, "I8" => ScalarType.Int8,
        "U8" => ScalarType.Byte, "BOOL" => ScalarType.Bool,
        _ => throw new EuterpeException($"{path}: tensor '{name}' has unsupported dtype '{text}'"),
    };
}
