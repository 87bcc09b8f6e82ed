using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Euterpe.Plugin.Module;

/// <summary>
/// The folder that holds the plug-in's code: under NativeAOT the folder of Euterpe.so itself (Contents/x86_64-linux of
/// the bundle), found with dladdr on one of its own exports, never the host's current directory or executable. Loaded
/// as an assembly (the plug-in tests, or a JIT bundle for comparisons) the exports are JIT stubs dladdr cannot place,
/// and the folder is Euterpe.dll's.
/// </summary>
public static unsafe partial class ModuleFolder
{
    private static string? _path;

    /// <summary>The folder, resolved once.</summary>
    public static string Path => _path ??= Resolve();

    /// <summary>True when the plug-in runs as its own native library (the bundle's Euterpe.so), not as an assembly in a .NET process.</summary>
    public static bool IsNativeLibrary => LibraryFile() is not null;

    /// <summary>The shared library that holds our GetPluginFactory export, or null when it is no library's (JIT code).</summary>
    public static string? LibraryFile()
    {
        DlInfo info;
        var export = (nint)(delegate* unmanaged[Cdecl]<nint>)&PluginEntry.GetPluginFactory;
        if (DlAddr(export, &info) == 0 || info.FileName == null) return null;
        var file = Marshal.PtrToStringUTF8((nint)info.FileName);
        // The executable (the test host's dotnet) is no library of ours: dladdr names it for JIT code on some systems.
        return string.IsNullOrEmpty(file) || file == Environment.ProcessPath ? null : System.IO.Path.GetFullPath(file);
    }

    // Assembly.Location is empty under NativeAOT; it is read only when the code is no native library's, as an assembly.
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Read only when running as an assembly, never in the NativeAOT library.")]
    private static string Resolve()
    {
        if (LibraryFile() is { } library) return System.IO.Path.GetDirectoryName(library)!;
        var assembly = typeof(ModuleFolder).Assembly.Location;
        return string.IsNullOrEmpty(assembly) ? AppContext.BaseDirectory : System.IO.Path.GetDirectoryName(assembly)!;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public byte* FileName;
        public nint BaseAddress;
        public byte* SymbolName;
        public nint SymbolAddress;
    }

    [LibraryImport("libc", EntryPoint = "dladdr")]
    private static partial int DlAddr(nint address, DlInfo* info);
}
