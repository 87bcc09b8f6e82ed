using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Ort = Microsoft.ML.OnnxRuntime;

namespace Euterpe.Core.Runtime;

/// <summary>
/// Chooses the libonnxruntime.so that the Microsoft.ML.OnnxRuntime package calls, once per process, before the
/// package's first call: a DllImport resolver on the package's assembly hands it the library loaded here.
/// The library is <see cref="PathVariable"/> when set; otherwise, beside the package's assembly, the CPU build the
/// package ships (<see cref="FileName"/>), or for CUDA the GPU build in <see cref="CudaFolder"/> (the command line
/// carries one). Then the runtime environment is created with a logger that feeds <see cref="OrtLog"/>.
/// Every failure is one <see cref="EuterpeException"/> naming the library or the model concerned.
/// </summary>
public static unsafe class OnnxRuntimeLibrary
{
    public const string PathVariable = "EUTERPE_ORT_LIBRARY";
    public const string FileName = "libonnxruntime.so";
    public const string CudaFolder = "ort-cuda";
    public const string CudaProviderFile = "libonnxruntime_providers_cuda.so";

    // The name the package's P/Invokes import (DllImport("onnxruntime")).
    private const string ImportName = "onnxruntime";

    // The C API version the package binds when its types first load (ONNX Runtime 1.x serves versions up to x). An older
    // library refuses it with a message of its own on stderr, so it is refused here first, by its version string.
    private const int PackageApiVersion = 31;

    private static readonly Lock Gate = new();
    private static readonly Ort.DOrtLoggingFunction Logger = OnLog;
    private static nint _handle;
    private static string? _path;
    private static string? _version;
    private static bool _resolverSet;
    private static EuterpeException? _fatal;

    /// <summary>The library in use, loading the CPU one if none is loaded yet.</summary>
    public static string Path
    {
        get
        {
            Load(ExecutionProvider.Cpu, "onnxruntime");
            return _path!;
        }
    }

    /// <summary>The runtime's own version string, e.g. "1.32.0".</summary>
    public static string Version
    {
        get
        {
            Load(ExecutionProvider.Cpu, "onnxruntime");
            return _version!;
        }
    }

    /// <summary>
    /// Where the library for <paramref name="provider"/> is looked for when nothing is loaded yet: the file named
    /// by <see cref="PathVariable"/>, else the package's build beside the assemblies.
    /// </summary>
    public static string CandidatePath(ExecutionProvider provider)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        var folder = AssemblyFolder();
        return provider == ExecutionProvider.Cuda
            ? System.IO.Path.Combine(folder, CudaFolder, FileName)
            : System.IO.Path.Combine(folder, FileName);
    }

    /// <summary>
    /// Makes sure a library that can serve <paramref name="provider"/> is loaded and the environment exists; the
    /// package may be called after this returns. <paramref name="source"/> (a model) prefixes CUDA errors.
    /// </summary>
    internal static void Load(ExecutionProvider provider, string source)
    {
        lock (Gate)
        {
            if (_fatal is not null) throw _fatal;
            if (provider == ExecutionProvider.Cuda) CheckCuda(source);
            if (_handle != 0) return;
            var path = CandidatePath(provider);
            var handle = Open(path);
            SetResolver();
            _handle = handle;
            _path = path;
            try
            {
                var options = new Ort.EnvironmentCreationOptions
                {
                    logId = "euterpe",
                    logLevel = (Ort.OrtLoggingLevel)OrtLog.MinimumLevel,
                    loggingFunction = Logger,
                };
                _version = Ort.OrtEnv.CreateInstanceWithOptions(ref options).GetVersionString();
            }
            catch (Exception ex) when (ex is TypeInitializationException or Ort.OnnxRuntimeException or EntryPointNotFoundException)
            {
                // The package refuses this library (too old a C API, say); its types stay unusable in this process.
                var reason = (ex is TypeInitializationException { InnerException: { } inner } ? inner : ex).Message;
                _fatal = new EuterpeException($"{path}: Microsoft.ML.OnnxRuntime cannot use this library ({reason.ReplaceLineEndings(" ")})", inner: ex);
                throw _fatal;
            }
        }
    }

    /// <summary>Loads the library at <paramref name="path"/> and checks that it is ONNX Runtime (it exports OrtGetApiBase).</summary>
    internal static nint Open(string path)
    {
        if (!File.Exists(path))
            throw new EuterpeException($"{path}: ONNX Runtime library not found (set {PathVariable}, or rebuild: the Microsoft.ML.OnnxRuntime package puts {FileName} beside the assemblies)");
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
        {
            NativeLibrary.Free(handle);
            throw new EuterpeException($"{path}: not an ONNX Runtime library (no OrtGetApiBase export)");
        }
        // struct OrtApiBase { const OrtApi* GetApi(uint32_t); const char* GetVersionString(void); }
        var apiBase = ((delegate* unmanaged[Cdecl]<nint>)getApiBase)();
        var version = apiBase == 0 ? "" : Marshal.PtrToStringUTF8((nint)((delegate* unmanaged[Cdecl]<byte*>*)apiBase)[1]()) ?? "";
        var parts = version.Split('.');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor) || major < 1 || (major == 1 && minor < PackageApiVersion))
        {
            NativeLibrary.Free(handle);
            throw new EuterpeException($"{path}: ONNX Runtime {version} is too old for Microsoft.ML.OnnxRuntime (it needs 1.{PackageApiVersion} or newer)");
        }
        return handle;
    }

    private static void SetResolver()
    {
        if (_resolverSet) return;
        // The package would register its own resolver on first use; ours replaces it.
        Ort.OrtEnv.DisableDllImportResolver = true;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(Ort.OrtEnv).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            throw new EuterpeException($"{System.IO.Path.Combine(AssemblyFolder(), "Microsoft.ML.OnnxRuntime.dll")}: another DllImport resolver is registered for Microsoft.ML.OnnxRuntime; Euterpe cannot choose its ONNX Runtime library");
        }
        _resolverSet = true;
    }

    private static nint Resolve(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath) =>
        name == ImportName ? _handle : 0;

    /// <summary>Names, in one line, whatever CUDA needs that this machine or this process lacks.</summary>
    private static void CheckCuda(string source)
    {
        var missing = new List<string>(CudaRequirements.MissingLibraries());
        var library = _path ?? CandidatePath(ExecutionProvider.Cuda);
        var provider = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(library)) ?? ".", CudaProviderFile);
        if (!File.Exists(provider))
        {
            var gpuBuild = CandidatePath(ExecutionProvider.Cuda);
            if (_path is not null && File.Exists(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(gpuBuild)!, CudaProviderFile)))
                throw new EuterpeException($"{source}: CUDA requested but this process already runs ONNX Runtime's CPU build ({_path}); ask for CUDA before anything else runs a model");
            missing.Add(provider);
        }
        if (missing.Count > 0)
            throw new EuterpeException($"{source}: CUDA requested but missing: {string.Join(", ", missing)} " +
                $"(needs an NVIDIA driver, CUDA 13, cuDNN 9 and ONNX Runtime's GPU build; {PathVariable} can point at one)");
    }

    /// <summary>
    /// Where to look for the package's library instead of beside its assembly (null: beside it). The NativeAOT plug-in
    /// sets the folder of its own library before any model runs: its assemblies have no files of their own, and the
    /// process's folder is the host's.
    /// </summary>
    public static string? LibraryFolder { get; set; }

    // Assembly.Location is empty under NativeAOT, where the plug-in sets LibraryFolder first; the app folder is the fallback.
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "LibraryFolder is set by the NativeAOT plug-in; an empty location falls back to the app folder.")]
    private static string AssemblyFolder()
    {
        if (!string.IsNullOrEmpty(LibraryFolder)) return LibraryFolder;
        var location = typeof(Ort.OrtEnv).Assembly.Location;
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : System.IO.Path.GetDirectoryName(location)!;
    }

    private static void OnLog(nint param, Ort.OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        // Called from native code: nothing may escape.
        try
        {
            OrtLog.Write((OrtLogLevel)severity, category, message);
        }
        catch
        {
        }
    }
}
