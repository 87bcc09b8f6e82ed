using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Euterpe.Core.Inference;

/// <summary>
/// The process's single OrtEnv. ONNX Runtime allows one per process; it is created on first use with a logging
/// callback that forwards to <see cref="OrtLog"/>, and lives until the process ends.
/// </summary>
internal static unsafe class OrtEnvironment
{
    private static readonly Lazy<OrtHandle> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<OrtHandle> SharedCpuMemory = new(CreateCpuMemoryInfo, LazyThreadSafetyMode.ExecutionAndPublication);

    public static OrtHandle Handle => Shared.Value;

    /// <summary>Describes ordinary CPU memory, for tensors over our own buffers.</summary>
    public static OrtHandle CpuMemoryInfo => SharedCpuMemory.Value;

    /// <summary>ONNX Runtime's default CPU allocator (not owned: never released), used for strings it hands back.</summary>
    public static nint DefaultAllocator
    {
        get
        {
            var api = OrtLibrary.Default.Api;
            nint allocator;
            api.Check(api.GetAllocatorWithDefaultOptions(&allocator));
            return allocator;
        }
    }

    private static OrtHandle CreateCpuMemoryInfo()
    {
        var api = OrtLibrary.Default.Api;
        nint info;
        // OrtDeviceAllocator = 0, OrtMemTypeDefault = 0
        api.Check(api.CreateCpuMemoryInfo(0, 0, &info));
        return new OrtHandle(api, OrtObjectKind.MemoryInfo, info);
    }

    private static OrtHandle Create()
    {
        var api = OrtLibrary.Default.Api;
        nint env;
        var logId = "euterpe"u8;
        fixed (byte* id = logId)
        {
            api.Check(api.CreateEnvWithCustomLogger((nint)(delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, byte*, void>)&OnLog,
                0, (int)OrtLog.MinimumLevel, id, &env));
        }
        return new OrtHandle(api, OrtObjectKind.Env, env);
    }

    // void OrtLoggingFunction(void* param, OrtLoggingLevel severity, const char* category, const char* logid,
    //                         const char* code_location, const char* message)
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(nint param, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // An exception must never unwind into native code.
        try
        {
            OrtLog.Write((OrtLogLevel)severity, Marshal.PtrToStringUTF8((nint)category) ?? "", Marshal.PtrToStringUTF8((nint)message) ?? "");
        }
        catch
        {
        }
    }
}
