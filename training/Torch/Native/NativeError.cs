using System.Runtime.InteropServices;

namespace Euterpe.Training.Torch.Native;

internal static partial class NativeError
{
    [DllImport(TorchLibrary.Name)] internal static extern IntPtr EtError_last();
    [DllImport(TorchLibrary.Name)] internal static extern void EtError_clear();

    /// <summary>Takes (and clears) the shim's thread-local last error message.</summary>
    internal static string Take()
    {
        var p = EtError_last();
        var message = p == IntPtr.Zero ? "libtorch call failed without a message" : Marshal.PtrToStringUTF8(p) ?? "";
        EtError_clear();
        return message;
    }
}
