using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>Turns <see cref="InferenceOptions"/> into the package's <see cref="Ort.SessionOptions"/>.</summary>
internal static class SessionOptionsFactory
{
    /// <summary>Options for a session of <paramref name="source"/>; the library must already be loaded for its provider.</summary>
    public static Ort.SessionOptions Create(InferenceOptions options, string source)
    {
        if (options.IntraOpThreads < 0) throw new EuterpeException($"{source}: intra-op threads must be 0 (automatic) or more, got {options.IntraOpThreads}");
        var created = new Ort.SessionOptions();
        try
        {
            created.IntraOpNumThreads = options.IntraOpThreads;
            created.InterOpNumThreads = 1;
            created.GraphOptimizationLevel = (Ort.GraphOptimizationLevel)options.Optimization;
            var spin = options.AllowSpinning ? "1" : "0";
            created.AddSessionConfigEntry("session.intra_op.allow_spinning", spin);
            created.AddSessionConfigEntry("session.inter_op.allow_spinning", spin);
            if (options.Provider == ExecutionProvider.Cuda) AppendCuda(created, options.CudaDeviceId, source);
            return created;
        }
        catch
        {
            created.Dispose();
            throw;
        }
    }

    private static void AppendCuda(Ort.SessionOptions options, int deviceId, string source)
    {
        try
        {
            options.AppendExecutionProvider_CUDA(deviceId);
        }
        catch (Ort.OnnxRuntimeException ex)
        {
            throw new OnnxRuntimeException(source, $"CUDA provider ({OnnxRuntimeLibrary.Path}) unavailable", ex);
        }
    }
}
