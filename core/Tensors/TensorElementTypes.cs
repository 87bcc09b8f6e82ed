namespace Euterpe.Core.Tensors;

/// <summary>Sizes and CLR types of tensor element types.</summary>
public static class TensorElementTypes
{
    /// <summary>Bytes per element, or 0 for types Euterpe cannot hold in a flat buffer (strings).</summary>
    public static int SizeOf(TensorElementType type) => type switch
    {
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Double or TensorElementType.Int64 or TensorElementType.UInt64 => 8,
        TensorElementType.UInt8 or TensorElementType.Int8 or TensorElementType.Bool => 1,
        TensorElementType.UInt16 or TensorElementType.Int16 or TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        _ => 0,
    };

    /// <summary>The element type a CLR type maps to; throws for types ONNX has no tensor of.</summary>
    public static TensorElementType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return TensorElementType.Float;
        if (typeof(T) == typeof(double)) return TensorElementType.Double;
        if (typeof(T) == typeof(long)) return TensorElementType.Int64;
        if (typeof(T) == typeof(int)) return TensorElementType.Int32;
        if (typeof(T) == typeof(bool)) return TensorElementType.Bool;
        if (typeof(T) == typeof(byte)) return TensorElementType.UInt8;
        if (typeof(T) == typeof(sbyte)) return TensorElementType.Int8;
        if (typeof(T) == typeof(short)) return TensorElementType.Int16;
        if (typeof(T) == typeof(ushort)) return TensorElementType.UInt16;
        if (typeof(T) == typeof(uint)) return TensorElementType.UInt32;
        if (typeof(T) == typeof(ulong)) return TensorElementType.UInt64;
        if (typeof(T) == typeof(Half)) return TensorElementType.Float16;
        throw new ArgumentException($"{typeof(T).Name} is not a tensor element type");
    }

    /// <summary>Lower-case name as shown to users: float, int64, bool…</summary>
    public static string Name(TensorElementType type) => type.ToString().ToLowerInvariant();

    internal static string Describe(TensorElementType type, ReadOnlySpan<long> shape) =>
        $"{Name(type)}[{string.Join(", ", shape.ToArray())}]";
}
