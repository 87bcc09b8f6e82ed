using System.Reflection;
using System.Runtime.InteropServices;
using Euterpe.Plugin.Module;
using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// Finds libSkiaSharp.so beside the plug-in's own binary (the bundle's Contents/x86_64-linux, where scripts/bundle.sh
/// puts it; <see cref="ModuleFolder"/>), never through the host's current directory or library path.
/// </summary>
public static class SkiaLibrary
{
    private const string ImportName = "libSkiaSharp";
    private static int _registered;

    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref _registered, 1) != 0) return;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(SKSurface).Assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            // Someone registered one already (SkiaSharp itself, or a host that loaded it): theirs decides.
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != ImportName) return 0;
        var path = Path.Combine(ModuleFolder.Path, ImportName + ".so");
        return File.Exists(path) && NativeLibrary.TryLoad(path, out var handle) ? handle : 0;
    }
}
