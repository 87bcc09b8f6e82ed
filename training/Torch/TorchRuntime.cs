using System.Runtime.InteropServices;
using Euterpe.Core;
using TorchSharp;

namespace Euterpe.Training.Torch;

/// <summary>
/// Starts libtorch (through TorchSharp) for training, once per process: glibc's malloc thresholds first, then the native
/// libraries beside the assemblies with a one-line error when they do not load; the thread count; the device.
/// </summary>
public static class TorchRuntime
{
    /// <summary>The library TorchSharp binds to; loading it first turns a loader failure into a readable error.</summary>
    public const string BindingLibrary = "libLibTorchSharp.so";

    /// <summary>Names the libtorch folder a build copies beside the assemblies instead of the CPU package's (eng/libtorch).</summary>
    public const string UserLibTorchVariable = "EUTERPE_LIBTORCH";

    private static readonly Lazy<bool> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads libtorch or throws a one-line <see cref="EuterpeException"/>; cheap after the first call.</summary>
    public static void EnsureLoaded() => _ = Loaded.Value;

    /// <summary>
    /// Sets libtorch's intra-op threads: <paramref name="requested"/> when positive, else $OMP_NUM_THREADS when set, else
    /// the processors this process may use. Returns the count in effect.
    /// </summary>
    public static int SetThreads(int requested = 0)
    {
        EnsureLoaded();
        var threads = requested > 0 ? requested
            : int.TryParse(Environment.GetEnvironmentVariable("OMP_NUM_THREADS"), out var omp) && omp > 0 ? omp
            : Environment.ProcessorCount;
        torch.set_num_threads(threads);
        return torch.get_num_threads();
    }

    /// <summary>The device a run asked for ("cpu" or "cuda"); "cuda" without a CUDA libtorch or device is one clear error.</summary>
    public static torch.Device Device(string name)
    {
        EnsureLoaded();
        switch (name)
        {
            case "cpu":
                return torch.CPU;
            case "cuda":
                if (torch.cuda.is_available()) return torch.CUDA;
                var libraries = AppContext.BaseDirectory;
                throw new EuterpeException(File.Exists(Path.Combine(libraries, "libtorch_cuda.so"))
                    ? $"--device cuda: libtorch has CUDA ({libraries}libtorch_cuda.so) but sees no CUDA device (driver, CUDA_VISIBLE_DEVICES?)"
                    : $"--device cuda: this build's libtorch is CPU-only; rebuild with {UserLibTorchVariable}=<a CUDA libtorch 2.10 folder> (README: Training on a GPU)");
            default:
                throw new EuterpeException($"--device {name}: must be cpu or cuda");
        }
    }

    private static bool Load()
    {
        KeepFreedBlocks();
        var binding = Path.Combine(AppContext.BaseDirectory, BindingLibrary);
        if (!File.Exists(binding)) throw new EuterpeException($"{binding}: not found; rebuild (scripts/build.sh) so the TorchSharp package's libraries are copied");
        try
        {
            // Loaded here first: TorchSharp's own fallback, when this fails, prints pages and copies libraries around.
            NativeLibrary.Load(binding);
        }
        catch (DllNotFoundException e)
        {
            throw new EuterpeException($"{binding}: cannot be loaded ({FirstLine(e.Message)}); rebuild with scripts/build.sh, which patches it for this machine's libstdc++");
        }
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or TypeInitializationException)
        {
            throw new EuterpeException($"{binding}: libtorch did not start ({FirstLine(e.Message)})");
        }
        return true;
    }

    private static string FirstLine(string message) => message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;

    // glibc keeps freed blocks below 32 MiB in the heap and trims only past 256 MiB free, so a training step reuses the
    // memory of the last one instead of mapping and faulting it in again: 15 % faster steps here than glibc's moving
    // threshold. A user's own glibc.malloc tunables win.
    private const int MallocTrimThreshold = -1, MallocMmapThreshold = -3;
    private const int MmapThresholdBytes = 32 << 20, TrimThresholdBytes = 256 << 20;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    private static void KeepFreedBlocks()
    {
        if (!OperatingSystem.IsLinux()) return;
        if ((Environment.GetEnvironmentVariable("GLIBC_TUNABLES") ?? "").Contains("glibc.malloc.", StringComparison.Ordinal)) return;
        MallOpt(MallocMmapThreshold, MmapThresholdBytes);
        MallOpt(MallocTrimThreshold, TrimThresholdBytes);
    }
}
