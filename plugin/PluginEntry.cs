using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Euterpe.Core.Runtime;
using Euterpe.Plugin.Diagnostics;
using Euterpe.Plugin.Generation;
using Euterpe.Plugin.Instrument;
using Euterpe.Plugin.Module;
using Euterpe.Vst3;

namespace Euterpe.Plugin;

/// <summary>
/// The VST3 module's entry points, exported by name from the NativeAOT library Euterpe.so (the Linux module API:
/// <c>bool ModuleEntry(void*)</c>, <c>IPluginFactory* GetPluginFactory()</c>, <c>bool ModuleExit()</c>). No .NET runtime
/// is needed on the host's machine. Nothing escapes to the host: a failure is a log line and false or 0.
/// </summary>
public static unsafe partial class PluginEntry
{
    private const int RtldNow = 2;
    private const int RtldNoLoad = 4;
    private const int RtldNoDelete = 0x1000;

    private static readonly Lock Gate = new();
    private static PluginFactory? _factory;
    private static int _entries; // ModuleEntry calls not yet matched by ModuleExit: each dlopen of the module makes one

    /// <summary>
    /// Called by Linux hosts right after dlopen with the library's handle. A NativeAOT runtime cannot be unloaded (its
    /// threads and the vtables hosts still hold point into it), so the library pins itself: a later dlclose leaves it
    /// mapped and a reload finds it as it was.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "ModuleEntry", CallConvs = [typeof(CallConvCdecl)])]
    public static byte ModuleEntry(nint sharedLibraryHandle)
    {
        try
        {
            if (ModuleFolder.LibraryFile() is { } library && DlOpen(library, RtldNow | RtldNoLoad | RtldNoDelete) == 0)
                PluginLog.Write($"{library}: cannot pin the library in memory (dlopen RTLD_NODELETE failed)");
            Prepare();
            Interlocked.Increment(ref _entries);
            return 1;
        }
        catch (Exception e)
        {
            PluginLog.Error("ModuleEntry", e);
            return 0;
        }
    }

    /// <summary>
    /// Called before the host unloads the module (once per ModuleEntry, as the SDK's hosts count): the last one stops
    /// every generator thread still running (instances a host never terminated), so no thread of ours runs after it
    /// returns. The factory stays for a later ModuleEntry.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "ModuleExit", CallConvs = [typeof(CallConvCdecl)])]
    public static byte ModuleExit()
    {
        try
        {
            if (Interlocked.Decrement(ref _entries) <= 0)
            {
                Interlocked.Exchange(ref _entries, 0);
                GenerationWorker.StopAll();
            }
            return 1;
        }
        catch (Exception e)
        {
            PluginLog.Error("ModuleExit", e);
            return 0;
        }
    }

    /// <summary>Returns an IPluginFactory pointer carrying a new reference for the caller, or 0 (and a log line) on failure.</summary>
    [UnmanagedCallersOnly(EntryPoint = "GetPluginFactory", CallConvs = [typeof(CallConvCdecl)])]
    public static nint GetPluginFactory()
    {
        try
        {
            lock (Gate)
            {
                if (_factory is null)
                {
                    Prepare();
                    // The factory lives for the process: keep our own reference, hand the host another.
                    _factory = new PluginFactory();
                }
                _factory.AddRef();
                return _factory.InterfacePointer();
            }
        }
        catch (Exception e)
        {
            PluginLog.Error("GetPluginFactory", e);
            return 0;
        }
    }

    // Hosts may skip ModuleEntry (older ones do): GetPluginFactory prepares too; twice is harmless.
    private static void Prepare()
    {
        // Exceptions the ABI layer catches in its thunks go to the plug-in's log, as ours do.
        Vst3Log.Sink = PluginLog.Write;
        // As Euterpe.so, libonnxruntime.so is the one beside it (the assemblies have no folder of their own).
        if (ModuleFolder.IsNativeLibrary) OnnxRuntimeLibrary.LibraryFolder = ModuleFolder.Path;
    }

    [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string path, int flags);
}
