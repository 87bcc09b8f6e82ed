using Euterpe.Vst3;

namespace Euterpe.Host;

/// <summary>
/// A loaded VST3 bundle, as a DAW loads one: find Contents/x86_64-linux/NAME.so, dlopen it, call
/// ModuleEntry, then GetPluginFactory. The file is checked first (<see cref="ElfLibraryCheck"/>). The library is never dlclosed: a plug-in that booted a runtime
/// (ours boots .NET) cannot be unloaded safely, so ModuleExit is all a host may do.
/// </summary>
public sealed unsafe class Vst3Module : IDisposable
{
    private readonly nint _library;
    private bool _exited;

    private Vst3Module(string bundle, string library, nint handle, nint factory)
    {
        BundlePath = bundle;
        LibraryPath = library;
        _library = handle;
        Factory = factory;
    }

    /// <summary>The bundle as the user named it (used in every error message).</summary>
    public string BundlePath { get; }

    public string LibraryPath { get; }

    /// <summary>The IPluginFactory pointer (one reference owned by this module).</summary>
    public nint Factory { get; }

    public static Vst3Module Load(string bundle)
    {
        var library = FindLibrary(bundle);
        // dlopen of a truncated file dies of SIGBUS instead of failing: look at the file first.
        ElfLibraryCheck.Check(library);
        var handle = NativeLibraryLoader.Open(library, out var error);
        if (handle == 0) throw new HostException(bundle, "dlopen", error);

        var entry = NativeLibraryLoader.Symbol(handle, "ModuleEntry");
        if (entry != 0 && ((delegate* unmanaged[Cdecl]<nint, byte>)entry)(handle) == 0)
            throw new HostException(bundle, "ModuleEntry", "returned false");

        var getFactory = NativeLibraryLoader.Symbol(handle, "GetPluginFactory");
        if (getFactory == 0) throw new HostException(bundle, "GetPluginFactory", $"{Path.GetFileName(library)} does not export GetPluginFactory (not a VST3 module)");
        var factory = ((delegate* unmanaged[Cdecl]<nint>)getFactory)();
        if (factory == 0) throw new HostException(bundle, "GetPluginFactory", "the module returned no factory (its own log says why)");
        return new Vst3Module(bundle, library, handle, factory);
    }

    /// <summary>Contents/x86_64-linux/&lt;bundle name&gt;.so, else the only .so there; a bare .so path is taken as is.</summary>
    public static string FindLibrary(string bundle)
    {
        if (File.Exists(bundle) && bundle.EndsWith(".so", StringComparison.Ordinal)) return Path.GetFullPath(bundle);
        if (!Directory.Exists(bundle)) throw new HostException(bundle, "bundle", "not found");
        var dir = Path.Combine(bundle, "Contents", "x86_64-linux");
        if (!Directory.Exists(dir)) throw new HostException(bundle, "bundle", "no Contents/x86_64-linux folder (not a Linux VST3 bundle)");
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(bundle));
        var preferred = Path.Combine(dir, name + ".so");
        if (File.Exists(preferred) || Directory.Exists(preferred)) return Path.GetFullPath(preferred);
        var candidates = Directory.GetFiles(dir, "*.so");
        return candidates.Length switch
        {
            1 => Path.GetFullPath(candidates[0]),
            0 => throw new HostException(bundle, "bundle", "no .so in Contents/x86_64-linux"),
            _ => throw new HostException(bundle, "bundle", $"several .so files in Contents/x86_64-linux and none named {name}.so"),
        };
    }

    public void Dispose()
    {
        if (_exited) return;
        _exited = true;
        ComPointer.Release(Factory);
        var exit = NativeLibraryLoader.Symbol(_library, "ModuleExit");
        if (exit != 0) ((delegate* unmanaged[Cdecl]<byte>)exit)();
    }
}
