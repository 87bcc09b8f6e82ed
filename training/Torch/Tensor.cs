using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch;

/// <summary>
/// A libtorch tensor. Owns a native at::Tensor through a <see cref="TensorHandle"/>; dispose it (or create it inside a
/// <see cref="DisposeScope"/>) to free native memory promptly. Operations mirror PyTorch/TorchSharp names.
/// </summary>
public sealed partial class Tensor : IDisposable
{
    private TensorHandle handle;
    private DisposeScope? scope;

    internal Tensor(IntPtr native)
    {
        handle = new TensorHandle(TorchException.Check(native));
        scope = DisposeScope.Current;
        scope?.Add(this);
    }

    /// <summary>Wraps a result handle, turning a null handle into the shim's error.</summary>
    internal static Tensor Wrap(IntPtr native) => new(native);

    /// <summary>Wraps an optional result (null handle means "none"), checking that no error was raised.</summary>
    internal static Tensor? WrapOptional(IntPtr native)
    {
        if (native != IntPtr.Zero) return new Tensor(native);
        if (NativeError.EtError_last() != IntPtr.Zero) throw TorchException.FromNative();
        return null;
    }

    /// <summary>Native tensors currently alive (owned by .NET and not yet freed).</summary>
    public static long LiveCount => TensorHandle.Live;

    internal IntPtr Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(handle.IsClosed, this);
            return handle.DangerousGetHandle();
        }
    }

    public bool IsDisposed => handle.IsClosed;

    public int dim() => TorchException.Check(NativeTensor.EtTensor_dim(Handle));

    public long numel() => TorchException.Check(NativeTensor.EtTensor_numel(Handle));

    public unsafe long[] shape
    {
        get
        {
            long* buffer = stackalloc long[16];
            var n = TorchException.Check(NativeTensor.EtTensor_shape(Handle, buffer, 16));
            if (n > 16) throw new TorchException($"tensor with {n} dimensions: more than 16 are not supported");
            return new ReadOnlySpan<long>(buffer, n).ToArray();
        }
    }

    public long size(int dim)
    {
        var s = shape;
        var d = dim < 0 ? dim + s.Length : dim;
        if (d < 0 || d >= s.Length) throw new TorchException($"dimension {dim}: out of range for a {s.Length}-d tensor");
        return s[d];
    }

    public ScalarType dtype => (ScalarType)TorchException.Check(NativeTensor.EtTensor_dtype(Handle));

    public Device device => new((DeviceType)TorchException.Check(NativeTensor.EtTensor_device_type(Handle)),
        NativeTensor.EtTensor_device_index(Handle));

    /// <summary>The value of a one-element tensor.</summary>
    public double item()
    {
        var v = NativeTensor.EtTensor_item(Handle);
        if (NativeError.EtError_last() != IntPtr.Zero) throw TorchException.FromNative();
        return v;
    }

    public T item<T>() where T : unmanaged => ToArray<T>() is { Length: 1 } a ? a[0]
        : throw new TorchException($"item: tensor of shape [{string.Join(", ", shape)}] has not exactly one element");

    /// <summary>Copies the elements (row-major, on the CPU) into a new array; T must match the dtype.</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var want = ScalarTypes.Of<T>();
        if (dtype != want) throw new TorchException($"ToArray<{typeof(T).Name}>: tensor has dtype {dtype}, not {want}");
        var result = new T[numel()];
        fixed (T* p = result)
        {
            TorchException.Check(NativeOptim.EtSerialize_to_bytes(Handle, (byte*)p, (long)result.Length * sizeof(T)));
        }
        return result;
    }

    /// <summary>The raw little-endian element bytes (contiguous, CPU).</summary>
    public unsafe byte[] ToBytes()
    {
        var n = TorchException.Check(NativeOptim.EtSerialize_nbytes(Handle));
        var bytes = new byte[n];
        fixed (byte* p = bytes)
        {
            TorchException.Check(NativeOptim.EtSerialize_to_bytes(Handle, p, n));
        }
        return bytes;
    }

    public Tensor to(ScalarType type) => to(type, device);

    public Tensor to(Device target) => to(dtype, target);

    public Tensor to(ScalarType type, Device target)
    {
        torch.CheckDevice(target);
        return Wrap(NativeTensor.EtTensor_to(Handle, (int)type, (int)target.Type, target.Index));
    }

    public Tensor cpu() => to(Device.CPU);

    public Tensor cuda() => to(Device.CUDA);

    /// <summary>Keeps this tensor alive past the innermost dispose scope by handing it to the enclosing one (or to nobody).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        if (scope is null) return this;
        scope.Remove(this);
        scope = scope.Outer;
        scope?.Add(this);
        return this;
    }

    /// <summary>Takes this tensor out of every dispose scope; the caller disposes it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        scope?.Remove(this);
        scope = null;
        return this;
    }

    /// <summary>Points this object at another tensor's native storage (used to move module parameters between devices).</summary>
    internal void ReplaceWith(Tensor other)
    {
        other.DetachFromDisposeScope();
        (handle, other.handle) = (other.handle, handle);
        other.Dispose();
    }

    internal void DisposeFromScope()
    {
        scope = null;
        handle.Dispose();
    }

    public void Dispose()
    {
        scope?.Remove(this);
        scope = null;
        handle.Dispose();
    }

    public override string ToString() =>
        IsDisposed ? "tensor(disposed)" : $"tensor(shape=[{string.Join(", ", shape)}], dtype={dtype}, device={device})";
}
