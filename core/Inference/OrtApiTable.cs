using System.Runtime.InteropServices;

namespace Euterpe.Core.Inference;

/// <summary>
/// The entries of ONNX Runtime's C function table (struct OrtApi) that Euterpe calls, read by their index in the
/// published order. The table only ever grows at its end, so these indices hold for every runtime that accepts
/// <see cref="ApiVersion"/>. Signatures follow onnxruntime_c_api.h; OrtStatus* comes back as nint (null = success).
/// </summary>
internal sealed unsafe class OrtApiTable
{
    /// <summary>Every entry used here exists in API version 13 (ONNX Runtime 1.13); newer runtimes serve it unchanged.</summary>
    public const uint ApiVersion = 13;

    // Indices into the table (pointer-sized slots), counted in the order the C header declares them.
    private const int IdxGetErrorCode = 1, IdxGetErrorMessage = 2, IdxCreateEnvWithCustomLogger = 4, IdxCreateSession = 7,
        IdxCreateSessionFromArray = 8, IdxRun = 9, IdxCreateSessionOptions = 10, IdxSetSessionGraphOptimizationLevel = 23,
        IdxSetIntraOpNumThreads = 24, IdxSetInterOpNumThreads = 25, IdxSessionGetInputCount = 30, IdxSessionGetOutputCount = 31,
        IdxSessionGetInputTypeInfo = 33, IdxSessionGetOutputTypeInfo = 34, IdxSessionGetInputName = 36, IdxSessionGetOutputName = 37,
        IdxCreateTensorWithDataAsOrtValue = 49, IdxGetTensorMutableData = 51, IdxCastTypeInfoToTensorInfo = 55,
        IdxGetOnnxTypeFromTypeInfo = 56, IdxGetTensorElementType = 60, IdxGetDimensionsCount = 61, IdxGetDimensions = 62,
        IdxGetSymbolicDimensions = 63, IdxGetTensorTypeAndShape = 65, IdxCreateCpuMemoryInfo = 69, IdxAllocatorFree = 76,
        IdxGetAllocatorWithDefaultOptions = 78, IdxReleaseEnv = 92, IdxReleaseStatus = 93, IdxReleaseMemoryInfo = 94,
        IdxReleaseSession = 95, IdxReleaseValue = 96, IdxReleaseTypeInfo = 98, IdxReleaseTensorTypeAndShapeInfo = 99,
        IdxReleaseSessionOptions = 100, IdxSessionGetModelMetadata = 111, IdxModelMetadataGetProducerName = 112,
        IdxModelMetadataGetGraphName = 113, IdxModelMetadataGetDomain = 114, IdxModelMetadataGetDescription = 115,
        IdxModelMetadataLookupCustomMetadataMap = 116, IdxModelMetadataGetVersion = 117, IdxReleaseModelMetadata = 118,
        IdxModelMetadataGetCustomMetadataMapKeys = 123, IdxAddSessionConfigEntry = 130, IdxRunWithBinding = 133,
        IdxCreateIoBinding = 134, IdxReleaseIoBinding = 135, IdxBindInput = 136, IdxBindOutput = 137,
        IdxSessionOptionsAppendExecutionProvider_CUDA_V2 = 204, IdxCreateCUDAProviderOptions = 205,
        IdxUpdateCUDAProviderOptions = 206, IdxReleaseCUDAProviderOptions = 208;

    public OrtApiTable(nint table)
    {
        var t = (nint*)table;
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)t[IdxGetErrorCode];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)t[IdxGetErrorMessage];
        CreateEnvWithCustomLogger = (delegate* unmanaged[Cdecl]<nint, nint, int, byte*, nint*, nint>)t[IdxCreateEnvWithCustomLogger];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)t[IdxCreateSession];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)t[IdxCreateSessionFromArray];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)t[IdxRun];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[IdxCreateSessionOptions];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[IdxSetSessionGraphOptimizationLevel];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[IdxSetIntraOpNumThreads];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[IdxSetInterOpNumThreads];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[IdxSessionGetInputCount];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[IdxSessionGetOutputCount];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)t[IdxSessionGetInputTypeInfo];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)t[IdxSessionGetOutputTypeInfo];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)t[IdxSessionGetInputName];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)t[IdxSessionGetOutputName];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)t[IdxCreateTensorWithDataAsOrtValue];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)t[IdxGetTensorMutableData];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[IdxCastTypeInfoToTensorInfo];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[IdxGetOnnxTypeFromTypeInfo];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[IdxGetTensorElementType];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[IdxGetDimensionsCount];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)t[IdxGetDimensions];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint>)t[IdxGetSymbolicDimensions];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[IdxGetTensorTypeAndShape];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)t[IdxCreateCpuMemoryInfo];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)t[IdxAllocatorFree];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[IdxGetAllocatorWithDefaultOptions];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseEnv];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseStatus];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseMemoryInfo];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseSession];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseValue];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseTypeInfo];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseTensorTypeAndShapeInfo];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseSessionOptions];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[IdxSessionGetModelMetadata];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[IdxModelMetadataGetProducerName];
        ModelMetadataGetGraphName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[IdxModelMetadataGetGraphName];
        ModelMetadataGetDomain = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[IdxModelMetadataGetDomain];
        ModelMetadataGetDescription = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[IdxModelMetadataGetDescription];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint>)t[IdxModelMetadataLookupCustomMetadataMap];
        ModelMetadataGetVersion = (delegate* unmanaged[Cdecl]<nint, long*, nint>)t[IdxModelMetadataGetVersion];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseModelMetadata];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint>)t[IdxModelMetadataGetCustomMetadataMapKeys];
        AddSessionConfigEntry = (delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)t[IdxAddSessionConfigEntry];
        RunWithBinding = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint>)t[IdxRunWithBinding];
        CreateIoBinding = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[IdxCreateIoBinding];
        ReleaseIoBinding = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseIoBinding];
        BindInput = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)t[IdxBindInput];
        BindOutput = (delegate* unmanaged[Cdecl]<nint, byte*, nint, nint>)t[IdxBindOutput];
        SessionOptionsAppendExecutionProvider_CUDA_V2 = (delegate* unmanaged[Cdecl]<nint, nint, nint>)t[IdxSessionOptionsAppendExecutionProvider_CUDA_V2];
        CreateCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[IdxCreateCUDAProviderOptions];
        UpdateCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)t[IdxUpdateCUDAProviderOptions];
        ReleaseCUDAProviderOptions = (delegate* unmanaged[Cdecl]<nint, void>)t[IdxReleaseCUDAProviderOptions];
    }

    public readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, int, byte*, nint*, nint> CreateEnvWithCustomLogger;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint> GetSymbolicDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> SessionGetModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetProducerName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetGraphName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDomain;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDescription;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nint> ModelMetadataGetVersion;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint> AddSessionConfigEntry;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint> RunWithBinding;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CreateIoBinding;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseIoBinding;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindInput;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nint, nint> BindOutput;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint> SessionOptionsAppendExecutionProvider_CUDA_V2;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateCUDAProviderOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint> UpdateCUDAProviderOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseCUDAProviderOptions;

    /// <summary>
    /// The one place an OrtStatus is inspected: null is success; anything else is read (code, message), released, and thrown.
    /// Inlined so that the success path costs a compare and nothing else.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Check(nint status)
    {
        if (status != 0) ThrowStatus(status);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowStatus(nint status)
    {
        var code = (OrtErrorCode)GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "";
        ReleaseStatus(status);
        throw new OnnxRuntimeException(code, message);
    }

    /// <summary>Frees a string ONNX Runtime allocated with its default allocator, after copying it.</summary>
    public string TakeString(nint allocator, byte* value)
    {
        if (value == null) return "";
        try { return Marshal.PtrToStringUTF8((nint)value) ?? ""; }
        finally { Check(AllocatorFree(allocator, value)); }
    }
}
