using System.Runtime.InteropServices;

namespace Euterpe.Core.Inference;

/// <summary>
/// Finds and loads libonnxruntime, and hands out its function table. Search order: EUTERPE_ORT_LIBRARY, the file
/// beside Euterpe's assemblies (the build copies it there), then Euterpe's cache (scripts/fetch-onnxruntime.sh).
/// Any failure is one <see cref="EuterpeException"/> naming the path tried and, when known, the runtime's version.
/// </summary>
public sealed unsafe class OrtLibrary
{
    public const string FileName = "libonnxruntime.so.1";
    public const string CachedVersion = "1.30.0";
    public const string PathVariable = "EUTERPE_ORT_LIBRARY";

    private static readonly Lazy<OrtLibrary> Shared = new(() => Load(ResolvePath()), LazyThreadSafetyMode.ExecutionAndPublication);

    private OrtLibrary(string path, string version, OrtApiTable api)
    {
        Path = path;
        Version = version;
        Api = api;
    }

    /// <summary>The library the process uses; loaded on first use.</summary>
    public static OrtLibrary Default => Shared.Value;

    public string Path { get; }

    /// <summary>The runtime's own version string (OrtApiBase::GetVersionString), e.g. "1.30.0".</summary>
    public string Version { get; }

    internal OrtApiTable Api { get; }

    /// <summary>Where the library is looked for, first match wins; the last candidate is returned even if absent so errors name it.</summary>
    public static string ResolvePath()
    {
        var fromEnv = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(fromEnv)) return fromEnv;
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(beside)) return beside;
        var assemblyDir = System.IO.Path.GetDirectoryName(typeof(OrtLibrary).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir) && File.Exists(System.IO.Path.Combine(assemblyDir, FileName)))
            return System.IO.Path.Combine(assemblyDir, FileName);
        return System.IO.Path.Combine(CacheDirectory(), $"onnxruntime-{CachedVersion}", FileName);
    }

    private static string CacheDirectory()
    {
        var cache = Environment.GetEnvironmentVariable("EUTERPE_CACHE");
        if (!string.IsNullOrEmpty(cache)) return cache;
        return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "euterpe");
    }

    /// <summary>Loads the library at <paramref name="path"/> and checks it serves the API version Euterpe needs.</summary>
    public static OrtLibrary Load(string path)
    {
        if (!File.Exists(path))
            throw new EuterpeException($"{path}: ONNX Runtime library not found (set {PathVariable} or run scripts/fetch-onnxruntime.sh)");
        nint handle;
        try
        {
            handle = NativeLibrary.Load(path);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
        {
            throw new EuterpeException($"{path}: cannot load ONNX Runtime library ({ex.Message.ReplaceLineEndings(" ")})");
        }
        if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out var getApiBase))
            throw new EuterpeException($"{path}: not an ONNX Runtime library (no OrtGetApiBase export)");
        var apiBase = ((delegate* unmanaged[Cdecl]<nint>)getApiBase)();
        if (apiBase == 0) throw new EuterpeException($"{path}: OrtGetApiBase returned nothing");
        // struct OrtApiBase { GetApi(uint32_t); GetVersionString(void); }
        var getApi = ((delegate* unmanaged[Cdecl]<uint, nint>*)apiBase)[0];
        var getVersion = ((delegate* unmanaged[Cdecl]<byte*>*)apiBase)[1];
        var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
        var table = getApi(OrtApiTable.ApiVersion);
        if (table == 0)
            throw new EuterpeException($"{path}: ONNX Runtime {version} does not serve C API version {OrtApiTable.ApiVersion} (Euterpe needs ONNX Runtime 1.13 or newer)");
        return new OrtLibrary(path, version, new OrtApiTable(table));
    }
}
