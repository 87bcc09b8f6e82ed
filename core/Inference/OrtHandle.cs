using System.Runtime.InteropServices;

namespace Euterpe.Core.Inference;

/// <summary>Owns one native ONNX Runtime object and releases it exactly once with the Release function of its kind.</summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private readonly OrtApiTable _api;

    public OrtHandle(OrtApiTable api, OrtObjectKind kind, nint handle) : base(0, ownsHandle: true)
    {
        _api = api;
        Kind = kind;
        SetHandle(handle);
    }

    public OrtObjectKind Kind { get; }

    /// <summary>A pinned buffer the native object points into; unpinned only once the object itself is released.</summary>
    public GCHandle Pin { get; init; }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer; callers keep this object alive (GC.KeepAlive or a field) while they use it.</summary>
    public nint Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    protected override bool ReleaseHandle()
    {
        switch (Kind)
        {
            case OrtObjectKind.Env: _api.ReleaseEnv(handle); break;
            case OrtObjectKind.SessionOptions: _api.ReleaseSessionOptions(handle); break;
            case OrtObjectKind.Session: _api.ReleaseSession(handle); break;
            case OrtObjectKind.Value: _api.ReleaseValue(handle); break;
            case OrtObjectKind.MemoryInfo: _api.ReleaseMemoryInfo(handle); break;
            case OrtObjectKind.IoBinding: _api.ReleaseIoBinding(handle); break;
            case OrtObjectKind.ModelMetadata: _api.ReleaseModelMetadata(handle); break;
            case OrtObjectKind.TypeInfo: _api.ReleaseTypeInfo(handle); break;
            case OrtObjectKind.TensorTypeAndShapeInfo: _api.ReleaseTensorTypeAndShapeInfo(handle); break;
            case OrtObjectKind.CudaProviderOptions: _api.ReleaseCUDAProviderOptions(handle); break;
        }
        if (Pin.IsAllocated) Pin.Free();
        return true;
    }
}
