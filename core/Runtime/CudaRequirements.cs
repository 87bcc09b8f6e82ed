using System.Runtime.InteropServices;

namespace Euterpe.Core.Runtime;

/// <summary>
/// What ONNX Runtime's CUDA execution provider needs from the machine, checked before it is asked for, so that a
/// missing piece is named in one line instead of surfacing as a dlopen failure deep inside a session.
/// </summary>
public static class CudaRequirements
{
    /// <summary>
    /// The CUDA libraries libonnxruntime_providers_cuda.so of Microsoft.ML.OnnxRuntime.Gpu.Linux 1.32.0 loads:
    /// its NEEDED entries (the driver, CUDA 13's runtime, cuBLAS and cuRAND) and cuDNN 9, which it opens at run time.
    /// </summary>
    public static IReadOnlyList<string> Libraries { get; } =
        ["libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10", "libcudnn.so.9"];

    /// <summary>The <see cref="Libraries"/> the dynamic loader cannot find on this machine (none on a working GPU machine).</summary>
    public static IReadOnlyList<string> MissingLibraries()
    {
        var missing = new List<string>();
        foreach (var library in Libraries)
        {
            if (NativeLibrary.TryLoad(library, out var handle)) NativeLibrary.Free(handle);
            else missing.Add(library);
        }
        return missing;
    }
}
