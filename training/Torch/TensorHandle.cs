using System.Runtime.InteropServices;
using Euterpe.Training.Torch.Native;

namespace Euterpe.Training.Torch;

/// <summary>Owns one at::Tensor* from the shim and frees it exactly once.</summary>
internal sealed class TensorHandle : SafeHandle
{
    private static long live;

    internal TensorHandle(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        Interlocked.Increment(ref live);
    }

    /// <summary>Native tensors currently owned by .NET (for leak checks).</summary>
    internal static long Live => Interlocked.Read(ref live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeTensor.EtTensor_free(handle);
        Interlocked.Decrement(ref live);
        return true;
    }
}
