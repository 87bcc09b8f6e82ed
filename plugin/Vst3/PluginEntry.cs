using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Vst3;

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
                // The factory lives for the process: keep our own reference, hand the host another.
                _factory ??= new PluginFactory();
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
