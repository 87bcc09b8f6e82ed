using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Euterpe.Plugin.Diagnostics;
using Euterpe.Plugin.Instrument;
using Euterpe.Vst3;

namespace Euterpe.Plugin;

/// <summary>
/// The one managed entry the native loader (plugin/native/loader.cpp) resolves: returns an
/// IPluginFactory pointer carrying a new reference for the caller, or 0 (and a log line) on failure.
/// </summary>
public static class PluginEntry
{
    private static readonly Lock Gate = new();
    private static PluginFactory? _factory;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static nint GetPluginFactory()
    {
        try
        {
            lock (Gate)
            {
                if (_factory is null)
                {
                    // Exceptions the ABI layer catches in its thunks go to the plug-in's log, as ours do.
                    Vst3Log.Sink = PluginLog.Write;
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
}
