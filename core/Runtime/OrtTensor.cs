using System.Runtime.InteropServices;
using Euterpe.Core.Tensors;
using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>
/// A dense CPU tensor whose bytes live in pinned managed memory that ONNX Runtime reads and writes directly: no copy
/// in, no copy out. Either allocated on the pinned object heap (<see cref="Create{T}"/>) or wrapping a caller's array,
/// pinned by a GCHandle until disposed (<see cref="Wrap{T}"/>). It holds no native object itself: a run or a
/// <see cref="BoundRun"/> makes the OrtValue over <see cref="Data"/>, and a bound run keeps the memory pinned for as
/// long as it lives, even past this tensor's disposal.
/// </summary>
public sealed unsafe class OrtTensor : IDisposable
{
    private readonly Array _buffer;
    private readonly long[] _shape;

    private OrtTensor(TensorElementType type, long[] shape, Array buffer, bool pinWithHandle, int byteLength)
    {
        ElementType = type;
        _shape = shape;
        _buffer = buffer;
        ByteLength = byteLength;
        var pin = pinWithHandle ? GCHandle.Alloc(buffer, GCHandleType.Pinned) : default;
        Data = Marshal.UnsafeAddrOfPinnedArrayElement(buffer, 0);
        Lifetime = new SharedLifetime(() =>
        {
            if (pin.IsAllocated) pin.Free();
        });
    }

    public TensorElementType ElementType { get; }

    public ReadOnlySpan<long> Shape => _shape;

    public long ElementCount => ByteLength / TensorElementTypes.SizeOf(ElementType);

    public int ByteLength { get; }

    /// <summary>Address of the first element; stable while the tensor (or a bound run using it) lives.</summary>
    public nint Data { get; }

    /// <summary>Holds the pin: released when this tensor and every bound run using it are done.</summary>
    internal SharedLifetime Lifetime { get; }

    /// <summary>A new zero-filled tensor on the pinned object heap.</summary>
    public static OrtTensor Create<T>(params long[] shape) where T : unmanaged
    {
        var count = CountElements(shape);
        var buffer = GC.AllocateArray<T>(checked((int)count), pinned: true);
        return new OrtTensor(TensorElementTypes.Of<T>(), (long[])shape.Clone(), buffer, pinWithHandle: false, checked((int)count * sizeof(T)));
    }

    /// <summary>A tensor over <paramref name="data"/> itself (pinned until disposed): writes to the array are what the model sees.</summary>
    public static OrtTensor Wrap<T>(T[] data, params long[] shape) where T : unmanaged
    {
        var count = CountElements(shape);
        if (count != data.Length) throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements, the array {data.Length}");
        if (count == 0) throw new ArgumentException("empty tensors are not supported");
        return new OrtTensor(TensorElementTypes.Of<T>(), (long[])shape.Clone(), data, pinWithHandle: true, checked(data.Length * sizeof(T)));
    }

    /// <summary>A tensor of any numeric element type over raw little-endian bytes (as read from a .npy file).</summary>
    public static OrtTensor WrapBytes(TensorElementType type, byte[] bytes, params long[] shape)
    {
        var size = TensorElementTypes.SizeOf(type);
        if (size == 0) throw new EuterpeException($"{TensorElementTypes.Name(type)} tensors are not supported");
        var count = CountElements(shape);
        if (count * size != bytes.Length) throw new ArgumentException($"shape [{string.Join(", ", shape)}] of {TensorElementTypes.Name(type)} needs {count * size} bytes, got {bytes.Length}");
        if (count == 0) throw new ArgumentException("empty tensors are not supported");
        return new OrtTensor(type, (long[])shape.Clone(), bytes, pinWithHandle: true, bytes.Length);
    }

    /// <summary>The elements, typed; <typeparamref name="T"/> must match <see cref="ElementType"/>.</summary>
    public Span<T> AsSpan<T>() where T : unmanaged
    {
        if (TensorElementTypes.Of<T>() != ElementType)
            throw new InvalidOperationException($"tensor holds {TensorElementTypes.Name(ElementType)}, not {typeof(T).Name}");
        return new Span<T>((void*)Data, ByteLength / sizeof(T));
    }

    public ReadOnlySpan<byte> AsBytes() => new((void*)Data, ByteLength);

    public override string ToString() => TensorElementTypes.Describe(ElementType, _shape);

    /// <summary>
    /// A new OrtValue over this tensor's memory, for the caller to dispose; the caller also keeps the memory pinned
    /// (this tensor undisposed, or its <see cref="Lifetime"/> acquired) while the value is in use.
    /// </summary>
    internal Ort.OrtValue CreateValue()
    {
        ObjectDisposedException.ThrowIf(Lifetime.IsReleased, this);
        return Ort.OrtValue.CreateTensorValueWithData(Ort.OrtMemoryInfo.DefaultInstance, (Ort.Tensors.TensorElementType)ElementType, _shape, Data, ByteLength);
    }

    public void Dispose()
    {
        Lifetime.ReleaseOwner();
        GC.KeepAlive(_buffer);
    }

    private static long CountElements(long[] shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"dimension {d} is negative");
            count = checked(count * d);
        }
        if (count > int.MaxValue) throw new ArgumentException($"tensor of {count} elements is too large");
        return count;
    }
}
