using Euterpe.Training.Torch.Native;
using static Euterpe.Training.Torch.Native.NativeTensor;

namespace Euterpe.Training.Torch;

/// <summary>
/// Entry point mirroring PyTorch's <c>torch</c> module (as TorchSharp does): creation functions, seeding, devices,
/// gradient mode and dispose scopes. Lower-case names on purpose, so model code reads like PyTorch.
/// </summary>

public static unsafe partial class torch

{
    /// <summary>Loads the native shim now (throws <see cref="TorchException"/> if it is missing).</summary>
    public static void InitializeDeviceType() => TorchLibrary.EnsureLoaded();

    public static ScalarType float32 => ScalarType.Float32;
    public static ScalarType float64 => ScalarType.Float64;
    public static ScalarType int64 => ScalarType.Int64;
    public static ScalarType int32 => ScalarType.Int32;
    public static ScalarType @bool => ScalarType.Bool;

    public static Device CPU => Device.CPU;
    public static Device CUDA => Device.CUDA;

    public static bool cuda_is_available()
    {
        TorchLibrary.EnsureLoaded();
        return EtTensor_cuda_is_available() != 0;
    }

    /// <summary>Every creation path passes here, so it also loads the shim (a missing one is a clean TorchException).</summary>
    internal static void CheckDevice(Device device)
    {
        TorchLibrary.EnsureLoaded();
        if (device.Type == DeviceType.CUDA && !cuda_is_available())
            throw new TorchException($"{device}: CUDA is not available (this libtorch has no CUDA or no GPU is visible); use cpu");
    }

    public static void manual_seed(ulong seed)
    {
        TorchLibrary.EnsureLoaded();
        EtTensor_manual_seed(seed);
    }

    public static void set_num_threads(int n)
    {
        TorchLibrary.EnsureLoaded();
        EtTensor_set_num_threads(n);
    }

    public static int get_num_threads()
    {
        TorchLibrary.EnsureLoaded();
        return EtTensor_get_num_threads();
    }

    /// <summary>Starts a scope that disposes every tensor created on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope()
    {
        TorchLibrary.EnsureLoaded();
        return new DisposeScope();
    }

    /// <summary>Disables gradient tracking until disposed: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static GradModeScope no_grad() => new(false);

    public static GradModeScope enable_grad() => new(true);

    public static bool is_grad_enabled()
    {
        TorchLibrary.EnsureLoaded();
        return NativeAutograd.EtAutograd_is_grad_enabled() != 0;
    }

    // ---- creation ----
    public static Tensor zeros(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        Create(shape, dtype, device, requires_grad, EtTensor_zeros);
    public static Tensor ones(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        Create(shape, dtype, device, requires_grad, EtTensor_ones);
    public static Tensor randn(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        Create(shape, dtype, device, requires_grad, EtTensor_randn);
    public static Tensor rand(long[] shape, ScalarType dtype = ScalarType.Float32, Device? device = null, bool requires_grad = false) =>
        Create(shape, dtype, device, requires_grad, EtTensor_rand);
    public static Tensor zeros(params long[] shape) => zeros(shape, ScalarType.Float32);
    public static Tensor ones(params long[] shape) => ones(shape, ScalarType.Float32);
    public static Tensor randn(params long[] shape) => randn(shape, ScalarType.Float32);
    public static Tensor rand(params long[] shape) => rand(shape, ScalarType.Float32);

    /// <summary>Integers drawn uniformly from [low, high).</summary>
    public static unsafe Tensor randint(long low, long high, long[] shape, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        CheckDevice(d);
        fixed (long* s = shape) return Tensor.Wrap(EtTensor_randint(low, high, s, shape.Length, (int)dtype, (int)d.Type, d.Index));
    }

    public static unsafe Tensor full(long[] shape, double value, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        CheckDevice(d);
        fixed (long* s = shape) return Tensor.Wrap(EtTensor_full(s, shape.Length, value, (int)dtype, (int)d.Type, d.Index));
    }

    public static Tensor arange(double start, double end, double step = 1, ScalarType dtype = ScalarType.Int64, Device? device = null)
    {
        var d = device ?? Device.CPU;
        CheckDevice(d);
        return Tensor.Wrap(EtTensor_arange(start, end, step, (int)dtype, (int)d.Type, d.Index));
    }

    public static Tensor arange(long end) => arange(0, end);

    public static Tensor eye(long n, long? m = null, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        var d = device ?? Device.CPU;
        CheckDevice(d);
        return Tensor.Wrap(EtTensor_eye(n, m ?? n, (int)dtype, (int)d.Type, d.Index));
    }

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (1-d when none is given).</summary>
    public static unsafe Tensor tensor<T>(ReadOnlySpan<T> data, long[]? shape = null, Device? device = null, bool requires_grad = false)
        where T : unmanaged
    {
        TorchLibrary.EnsureLoaded();
        shape ??= [data.Length];
        long count = 1;
        foreach (var s in shape) count *= s;
        if (count != data.Length) throw new TorchException($"tensor: {data.Length} values do not fill shape [{string.Join(", ", shape)}]");
        Tensor t;
        fixed (T* p = data)
        fixed (long* s = shape)
        {
            t = Tensor.Wrap(NativeOptim.EtSerialize_from_bytes((byte*)p, (long)data.Length * sizeof(T), s, shape.Length, (int)ScalarTypes.Of<T>()));
        }
        if (device is { Type: not DeviceType.CPU } d)
        {
            using var cpu = t;
            t = cpu.to(d);
        }
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    public static Tensor tensor<T>(T[] data, params long[] shape) where T : unmanaged => tensor<T>(data.AsSpan(), shape.Length == 0 ? null : shape);

    public static Tensor tensor(double scalar, ScalarType dtype = ScalarType.Float32) => full([], scalar, dtype);

    // ---- functions over several tensors ----
    public static unsafe Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = Handles(tensors);
        fixed (IntPtr* h = handles) return Tensor.Wrap(EtTensor_cat(h, handles.Length, dim));
    }

    public static unsafe Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var handles = Handles(tensors);
        fixed (IntPtr* h = handles) return Tensor.Wrap(EtTensor_stack(h, handles.Length, dim));
    }

    public static Tensor where(Tensor condition, Tensor x, Tensor y) => Tensor.Wrap(EtTensor_where(condition.Handle, x.Handle, y.Handle));

    internal static IntPtr[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++) handles[i] = tensors[i].Handle;
        return handles;
    }

    private unsafe delegate IntPtr Creator(long* shape, int n, int dtype, int dev, int idx);

    private static unsafe Tensor Create(long[] shape, ScalarType dtype, Device? device, bool requiresGrad, Creator create)
    {
        var d = device ?? Device.CPU;
        CheckDevice(d);
        Tensor t;
        fixed (long* s = shape) t = Tensor.Wrap(create(s, shape.Length, (int)dtype, (int)d.Type, d.Index));
        if (requiresGrad) t.requires_grad = true;
        return t;
    }
}
