namespace Euterpe.Core.Runtime;

/// <summary>Where a session runs its kernels.</summary>
public enum ExecutionProvider
{
    Cpu,
    /// <summary>
    /// NVIDIA GPU, through ONNX Runtime's GPU build (Microsoft.ML.OnnxRuntime.Gpu.Linux, which the command line carries in
    /// ort-cuda/) and the machine's CUDA libraries; <see cref="CudaRequirements"/> lists them. Must be asked for
    /// before anything in the process loads the CPU build, unless EUTERPE_ORT_LIBRARY names a GPU build.
    /// </summary>
    Cuda,
}
