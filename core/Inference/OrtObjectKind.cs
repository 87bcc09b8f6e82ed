namespace Euterpe.Core.Inference;

/// <summary>Which ONNX Runtime object an <see cref="OrtHandle"/> owns, and so which Release function frees it.</summary>
internal enum OrtObjectKind
{
    Env,
    SessionOptions,
    Session,
    Value,
    MemoryInfo,
    IoBinding,
    ModelMetadata,
    TypeInfo,
    TensorTypeAndShapeInfo,
    CudaProviderOptions,
}
