using Euterpe.Core.Tensors;

namespace Euterpe.Core.IO;

/// <summary>
/// An n-dimensional array as a NumPy .npy file holds it: element type, shape (C order), and the raw little-endian bytes.
/// </summary>
public sealed class NpyArray
{
    public NpyArray(TensorElementType elementType, long[] shape, byte[] data)
    {
        var size = NpyFormat.SizeOf(elementType);
        var count = shape.Aggregate(1L, (a, d) => d < 0 ? throw new ArgumentException($"negative dimension {d}") : checked(a * d));
        if (count * size != data.Length)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) of {TensorElementTypes.Name(elementType)} needs {count * size} bytes, got {data.Length}");
        ElementType = elementType;
        Shape = shape;
        Data = data;
    }

    public TensorElementType ElementType { get; }

    public long[] Shape { get; }

    public byte[] Data { get; }

    public long ElementCount => Data.Length / NpyFormat.SizeOf(ElementType);

    public static NpyArray From<T>(T[] values, params long[] shape) where T : unmanaged
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        return new NpyArray(TensorElementTypes.Of<T>(), shape, bytes);
    }

    /// <summary>The elements, typed; <typeparamref name="T"/> must match <see cref="ElementType"/>.</summary>
    public ReadOnlySpan<T> AsSpan<T>() where T : unmanaged
    {
        if (TensorElementTypes.Of<T>() != ElementType)
            throw new InvalidOperationException($"array holds {TensorElementTypes.Name(ElementType)}, not {typeof(T).Name}");
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(Data);
    }
}
