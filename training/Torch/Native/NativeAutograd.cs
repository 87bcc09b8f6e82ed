using System.Runtime.InteropServices;

namespace Euterpe.Training.Torch.Native;

/// <summary>P/Invoke declarations for ShimAutograd.cpp and ShimOptim.cpp and ShimSerialize.cpp.</summary>
internal static unsafe class NativeAutograd
{
    private const string L = TorchLibrary.Name;

    [DllImport(L)] internal static extern int EtAutograd_set_grad_enabled(int enabled);
    [DllImport(L)] internal static extern int EtAutograd_is_grad_enabled();
    [DllImport(L)] internal static extern int EtAutograd_requires_grad(IntPtr t);
    [DllImport(L)] internal static extern int EtAutograd_set_requires_grad(IntPtr t, int value);
    [DllImport(L)] internal static extern IntPtr EtAutograd_grad_of(IntPtr t);
    [DllImport(L)] internal static extern int EtAutograd_clear_grad(IntPtr t);
    [DllImport(L)] internal static extern int EtAutograd_backward(IntPtr t, IntPtr gradient, int retainGraph, int createGraph);
    [DllImport(L)]
    internal static extern int EtAutograd_grad(IntPtr* outputs, int nOut, IntPtr* inputs, int nIn, IntPtr* gradOutputs,
        int retainGraph, int createGraph, int allowUnused, IntPtr* results);
}
