using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Euterpe.Core.Tensors;

namespace Euterpe.Core.Onnx;

/// <summary>
/// A constant tensor (an initializer or a Constant node's value). The elements are kept as ONNX's
/// <c>raw_data</c>: fixed-size little-endian values in row-major order.
/// </summary>
public sealed class OnnxTensor
{
    public OnnxTensor(string name, TensorElementType elementType, long[] dims, byte[] rawData)
    {
        var size = ElementSize(elementType);
        if (size == 0)
            throw new ArgumentException($"tensor \"{name}\": element type {elementType} has no fixed size", nameof(elementType));
        foreach (var d in dims)
            if (d < 0) throw new ArgumentException($"tensor \"{name}\": negative dimension {d}", nameof(dims));
        var count = ElementCount(dims);
        if (count * size != rawData.LongLength)
            throw new ArgumentException($"tensor \"{name}\": shape [{string.Join(",", dims)}] needs {count} elements but {rawData.LongLength / size} were given", nameof(rawData));
        Name = name;
        ElementType = elementType;
        Dims = dims;
        RawData = rawData;
    }

    public string Name { get; }
    public TensorElementType ElementType { get; }
    public long[] Dims { get; }
    public byte[] RawData { get; }
    public long ElementCount() => ElementCount(Dims);

    public static OnnxTensor FromFloats(string name, ReadOnlySpan<float> data, long[] dims) => From(name, TensorElementType.Float, data, dims);
    public static OnnxTensor FromDoubles(string name, ReadOnlySpan<double> data, long[] dims) => From(name, TensorElementType.Double, data, dims);
    public static OnnxTensor FromInt64s(string name, ReadOnlySpan<long> data, long[] dims) => From(name, TensorElementType.Int64, data, dims);
    public static OnnxTensor FromInt32s(string name, ReadOnlySpan<int> data, long[] dims) => From(name, TensorElementType.Int32, data, dims);
    public static OnnxTensor FromBytes(string name, ReadOnlySpan<byte> data, long[] dims) => From(name, TensorElementType.UInt8, data, dims);

    public static OnnxTensor FromBools(string name, ReadOnlySpan<bool> data, long[] dims)
    {
        var bytes = new byte[data.Length];
        for (var i = 0; i < data.Length; i++) bytes[i] = data[i] ? (byte)1 : (byte)0;
        return new OnnxTensor(name, TensorElementType.Bool, dims, bytes);
    }

    public float[] ToFloats() => To<float>(TensorElementType.Float);
    public double[] ToDoubles() => To<double>(TensorElementType.Double);
    public long[] ToInt64s() => To<long>(TensorElementType.Int64);
    public int[] ToInt32s() => To<int>(TensorElementType.Int32);

    /// <summary>Bytes per element for the fixed-size types; 0 for strings and undefined.</summary>
    public static int ElementSize(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Double or TensorElementType.Int64 or TensorElementType.UInt64 => 8,
        TensorElementType.Int16 or TensorElementType.UInt16 or TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        TensorElementType.Int8 or TensorElementType.UInt8 or TensorElementType.Bool => 1,
        _ => 0,
    };

    internal static long ElementCount(long[] dims)
    {
        long count = 1;
        foreach (var d in dims) count = checked(count * d);
        return count;
    }

    private static OnnxTensor From<T>(string name, TensorElementType type, ReadOnlySpan<T> data, long[] dims) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(data).ToArray();
        if (!BitConverter.IsLittleEndian) ReverseEach(bytes, ElementSize(type));
        return new OnnxTensor(name, type, dims, bytes);
    }

    private T[] To<T>(TensorElementType expected) where T : unmanaged
    {
        if (ElementType != expected)
            throw new InvalidOperationException($"tensor \"{Name}\" holds {ElementType}, not {expected}");
        var bytes = RawData;
        if (!BitConverter.IsLittleEndian)
        {
            bytes = (byte[])bytes.Clone();
            ReverseEach(bytes, ElementSize(expected));
        }
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }

    private static void ReverseEach(byte[] bytes, int size)
    {
        for (var i = 0; i + size <= bytes.Length; i += size) bytes.AsSpan(i, size).Reverse();
    }

    /// <summary>Little-endian bytes of one element, used when decoding ONNX's typed repeated fields.</summary>
    internal static void WriteElement(Span<byte> destination, TensorElementType type, ulong bits)
    {
        switch (ElementSize(type))
        {
            case 1: destination[0] = (byte)bits; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)bits); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)bits); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(destination, bits); break;
        }
    }
}
