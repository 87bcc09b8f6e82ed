namespace Euterpe.Core.Inference;

/// <summary>Turns <see cref="InferenceOptions"/> into a native OrtSessionOptions.</summary>
internal static unsafe class OrtSessionOptionsBuilder
{
    public const string CudaProviderFile = "libonnxruntime_providers_cuda.so";

    public static OrtHandle Build(OrtLibrary library, InferenceOptions options, string source)
    {
        var api = library.Api;
        if (options.IntraOpThreads < 0) throw new EuterpeException($"{source}: intra-op threads must be 0 (automatic) or more, got {options.IntraOpThreads}");
        nint raw;
        api.Check(api.CreateSessionOptions(&raw));
        var handle = new OrtHandle(api, OrtObjectKind.SessionOptions, raw);
        try
        {
            api.Check(api.SetIntraOpNumThreads(raw, options.IntraOpThreads));
            api.Check(api.SetInterOpNumThreads(raw, 1));
            api.Check(api.SetSessionGraphOptimizationLevel(raw, (int)options.Optimization));
            AddConfig(api, raw, "session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            AddConfig(api, raw, "session.inter_op.allow_spinning", options.AllowSpinning ? "1" : "0");
            if (options.Provider == ExecutionProvider.Cuda) AppendCuda(library, raw, options.CudaDeviceId, source);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void AddConfig(OrtApiTable api, nint options, string key, string value)
    {
        fixed (byte* k = InferenceSession.Utf8(key))
        fixed (byte* v = InferenceSession.Utf8(value))
        {
            api.Check(api.AddSessionConfigEntry(options, k, v));
        }
    }

    private static void AppendCuda(OrtLibrary library, nint options, int deviceId, string source)
    {
        var api = library.Api;
        var provider = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(library.Path)) ?? ".", CudaProviderFile);
        if (!File.Exists(provider))
            throw new EuterpeException($"{source}: CUDA requested but {provider} is missing (ONNX Runtime {library.Version} at {library.Path} has no CUDA provider; set {OrtLibrary.PathVariable} to a GPU build)");
        nint cuda = 0;
        try
        {
            api.Check(api.CreateCUDAProviderOptions(&cuda));
            using var keys = new NativeUtf8Strings(["device_id"]);
            using var values = new NativeUtf8Strings([deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            api.Check(api.UpdateCUDAProviderOptions(cuda, keys.Pointers, values.Pointers, 1));
            api.Check(api.SessionOptionsAppendExecutionProvider_CUDA_V2(options, cuda));
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(ex.Code, source, $"CUDA provider ({provider}) unavailable: {ex.Message}");
        }
        finally
        {
            if (cuda != 0) api.ReleaseCUDAProviderOptions(cuda);
        }
    }
}
