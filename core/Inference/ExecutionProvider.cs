namespace Euterpe.Core.Inference;

/// <summary>Where a session runs its kernels.</summary>
public enum ExecutionProvider
{
    Cpu,
    /// <summary>NVIDIA GPU; needs libonnxruntime_providers_cuda.so (a GPU build of ONNX Runtime) beside the runtime library.</summary>
    Cuda,
}
