using System.Runtime.InteropServices;

namespace Euterpe.Training.Torch.Native;

/// <summary>P/Invoke declarations for ShimOptim.cpp and ShimSerialize.cpp.</summary>
internal static unsafe class NativeOptim
{
    private const string L = TorchLibrary.Name;

    [DllImport(L)]
    internal static extern int EtOptim_adam_step(IntPtr* parameters, IntPtr* expAvg, IntPtr* expAvgSq, IntPtr* maxExpAvgSq, int n,
        double lr, double beta1, double beta2, double eps, double weightDecay, long* steps);
    [DllImport(L)]
    internal static extern int EtOptim_rmsprop_step(IntPtr* parameters, IntPtr* squareAvg, IntPtr* momentumBuf, IntPtr* gradAvg, int n,
        double lr, double alpha, double eps, double weightDecay, double momentum);
    [DllImport(L)] internal static extern double EtOptim_clip_grad_norm(IntPtr* parameters, int n, double maxNorm, double normType);

    [DllImport(L)] internal static extern IntPtr EtSerialize_from_bytes(byte* data, long nbytes, long* shape, int n, int dtype);
    [DllImport(L)] internal static extern long EtSerialize_nbytes(IntPtr t);
    [DllImport(L)] internal static extern long EtSerialize_to_bytes(IntPtr t, byte* dst, long capacity);
}
