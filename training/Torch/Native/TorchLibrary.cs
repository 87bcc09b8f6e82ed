using System.Reflection;
using System.Runtime.InteropServices;

namespace Euterpe.Training.Torch.Native;

/// <summary>
/// Finds and loads libEuterpeTorch.so (our libtorch shim): $EUTERPE_TORCH_SHIM, then beside the assembly, then
/// artifacts/native/training above it (where scripts/build.sh puts it). A missing shim is one clear error.
/// </summary>
internal static class TorchLibrary
{
    internal const string Name = "EuterpeTorch";
    internal const string FileName = "libEuterpeTorch.so";
    private static readonly Lazy<IntPtr> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int resolverInstalled;

    /// <summary>Loads the shim or throws <see cref="TorchException"/>; cheap after the first call.</summary>
    internal static void EnsureLoaded()
    {
        if (Interlocked.Exchange(ref resolverInstalled, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(TorchLibrary).Assembly, Resolve);
        }
        _ = Handle.Value;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == Name ? Handle.Value : IntPtr.Zero;

    private static IntPtr Load()
    {
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            tried.Add(candidate);
            if (!File.Exists(candidate)) continue;
            if (NativeLibrary.TryLoad(candidate, out var handle)) return KeepFreedBlocks(handle);
            throw new TorchException($"{candidate}: cannot be loaded (is libtorch installed? run scripts/install-deps.sh)");
        }
        throw new TorchException($"{FileName}: not found (looked in {string.Join(", ", tried)}); run scripts/build.sh to build training/native");
    }

    // glibc keeps freed blocks below 32 MiB in the heap and trims only past 256 MiB free, so a training step reuses the
    // memory of the last one instead of mapping and faulting it in again (see EtTensor_keep_freed_blocks). Called through
    // the export rather than a DllImport: a DllImport would ask the resolver for the handle that is still being loaded.
    private const long MmapThreshold = 32L << 20, TrimThreshold = 256L << 20;

    private static unsafe IntPtr KeepFreedBlocks(IntPtr handle)
    {
        if (NativeLibrary.TryGetExport(handle, "EtTensor_keep_freed_blocks", out var export))
            ((delegate* unmanaged<long, long, int>)export)(MmapThreshold, TrimThreshold);
        return handle;
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("EUTERPE_TORCH_SHIM");
        if (!string.IsNullOrEmpty(env))
        {
            yield return Directory.Exists(env) ? Path.Combine(env, FileName) : env;
            yield break;
        }
        var here = AppContext.BaseDirectory;
        yield return Path.Combine(here, FileName);
        for (var dir = new DirectoryInfo(here); dir != null; dir = dir.Parent)
        {
            var built = Path.Combine(dir.FullName, "artifacts", "native", "training", FileName);
            if (File.Exists(built)) { yield return built; yield break; }
        }
    }
}
