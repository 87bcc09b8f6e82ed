using System.Text.Json;
using Euterpe.Plugin.Instrument;

namespace Euterpe.Plugin.Tests;

/// <summary>
/// Loads the built bundle's native Euterpe.so (the plug-in compiled by NativeAOT) from a separate process (a ctypes host
/// written in Python, no .NET in it), so the real path is exercised: dlopen, ModuleEntry, factory, vtable calls.
/// </summary>
public class BundleLoadTests
{
    private static string BundleBinary()
    {
        var binary = RepositoryRoot.Combine("artifacts", "Euterpe.vst3", "Contents", "x86_64-linux", "Euterpe.so");
        Assert.True(File.Exists(binary), $"{binary}: missing; run scripts/build.sh (it builds the native loader and the bundle)");
        return binary;
    }

    /// <summary>load_bundle.py (a ctypes host) on <paramref name="library"/>, its plug-in log under <paramref name="stateHome"/>.</summary>
    private static (int ExitCode, string Stdout, string Stderr) RunHost(string library, string stateHome)
    {
        var host = PythonRunner.Run([Path.Combine(AppContext.BaseDirectory, "Hosting", "load_bundle.py"), library],
            new Dictionary<string, string> { ["XDG_STATE_HOME"] = stateHome }, TimeSpan.FromSeconds(60));
        return (host.ExitCode, host.Stdout, host.Stderr);
    }

    [Fact]
    public void ASeparateProcessLoadsTheBundleAndCreatesTheInstrument()
    {
        var binary = BundleBinary();
        using var state = new TempFolder("euterpe-vst3-");
        var (exit, stdout, stderr) = RunHost(binary, state.Root);
        Assert.True(exit == 0, $"host exited {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("moduleEntry").GetBoolean());
        Assert.True(root.GetProperty("factory").GetBoolean(), stderr);
        Assert.Equal("Euterpe", root.GetProperty("vendor").GetString());
        var classes = root.GetProperty("classes");
        Assert.Equal(2, classes.GetArrayLength());
        Assert.Equal(PluginIdentity.ProcessorCid.ToString(), classes[0].GetProperty("cid").GetString());
        Assert.Equal("Euterpe", classes[0].GetProperty("name").GetString());
        Assert.Equal(PluginIdentity.ControllerCid.ToString(), classes[1].GetProperty("cid").GetString());
        Assert.Equal(0, root.GetProperty("createInstance").GetInt32());
        Assert.Equal(0, root.GetProperty("initialize").GetInt32());
        Assert.Equal(0, root.GetProperty("queryAudioProcessor").GetInt32());
        Assert.Equal(0, root.GetProperty("canProcess64").GetInt32());
        var buses = root.GetProperty("buses");
        Assert.Equal(0, buses.GetProperty("audioIn").GetInt32());
        Assert.Equal(1, buses.GetProperty("audioOut").GetInt32());
        Assert.Equal(1, buses.GetProperty("eventIn").GetInt32());
        Assert.Equal(1, buses.GetProperty("eventOut").GetInt32());
        Assert.Equal(0, root.GetProperty("terminate").GetInt32());
        Assert.Equal(0u, root.GetProperty("lastRelease").GetUInt32());
        Assert.True(root.GetProperty("moduleExit").GetBoolean());
    }

    [Fact]
    public void TheLibraryIsTheWholePlugInAndLoadsFromACopyOfTheBundleAnywhere()
    {
        var binary = BundleBinary();
        var folder = Path.GetDirectoryName(binary)!;
        // No assembly, runtime config or deps file: everything managed is compiled into Euterpe.so; beside it only the
        // native libraries it loads from there (Skia for the editor, ONNX Runtime).
        Assert.Equal(["Euterpe.so", "libSkiaSharp.so", "libonnxruntime.so", "libonnxruntime_providers_shared.so"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        // A copy of the bundle elsewhere: nothing is looked for in the build tree or the current folder.
        using var work = new TempFolder("euterpe-vst3-");
        var bundle = work.Path("Moved.vst3");
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetDirectoryName(binary))!, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(bundle, "Contents", Path.GetRelativePath(Path.GetDirectoryName(folder)!, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var (exit, stdout, stderr) = RunHost(Path.Combine(bundle, "Contents", "x86_64-linux", "Euterpe.so"), work.Path("state"));
        Assert.True(exit == 0, $"host exited {exit}: {stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.True(json.RootElement.GetProperty("factory").GetBoolean(), stderr);
        Assert.Equal(0, json.RootElement.GetProperty("initialize").GetInt32());
        Assert.True(json.RootElement.GetProperty("moduleExit").GetBoolean());
    }
}
