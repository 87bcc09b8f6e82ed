using System.Reflection;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Euterpe.Plugin.Editor;

/// <summary>
/// Finds libSkiaSharp.so beside the plug-in's own binary (the bundle's Contents/x86_64-linux, where scripts/bundle.sh
/// puts it), never through the host's current directory or library path. The plug-in's folder is that of its assembly
/// file, or, where there is none (a NativeAOT build), that of the loaded object holding our code (dladdr).
/// </summary>
public static unsafe partial class SkiaLibrary
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
        if (name != ImportName || PluginDirectory() is not { } folder) return 0;
        var path = Path.Combine(folder, ImportName + ".so");
        return File.Exists(path) && NativeLibrary.TryLoad(path, out var handle) ? handle : 0;
    }

    /// <summary>The folder of the plug-in's binary, or null when it cannot be told.</summary>
    public static string? PluginDirectory()
    {
        var location = typeof(SkiaLibrary).Assembly.Location;
        if (!string.IsNullOrEmpty(location)) return Path.GetDirectoryName(location);
        DlInfo info;
        var self = (delegate*<string?>)&PluginDirectory;
        if (dladdr(self, &info) == 0 || info.FileName == null) return null;
        return Path.GetDirectoryName(Marshal.PtrToStringUTF8((nint)info.FileName));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public byte* FileName;
        public void* Base;
        public byte* SymbolName;
        public void* SymbolAddress;
    }

    [LibraryImport("libc.so.6")]
    private static partial int dladdr(void* address, DlInfo* info);
}
